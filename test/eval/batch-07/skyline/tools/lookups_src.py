"""Hand-written demo lookup data for pack-skyline-air/lookups.json.

DOMAIN-PACKS.md names lookups.json as "optional demo lookup data (accounts and orders)" without a shape,
so this file uses the plainest one: "accounts" keyed by the `lookup: account` fact (loyalty_number) and
"orders" keyed by the `lookup: order` fact (confirmation_code). Values agree with the calls in calls/.
"""

LOOKUPS = {
    "accounts": [
        {"loyalty_number": "418207535", "customer_name": "Gunnar Haugland", "loyalty_tier": "member",
         "phone": "+14065550139", "summary": "Member since 2021; 38,410 miles; last activity 2026-05-22"},
        {"loyalty_number": "502118764", "customer_name": "Marcus Feldkamp", "loyalty_tier": "gold",
         "phone": "+12085550143", "summary": "Gold; 61,920 miles; 2 checked bags free"},
        {"loyalty_number": "377640129", "customer_name": "Camila Arroyo", "loyalty_tier": "silver",
         "phone": "+14065550148", "summary": "Silver; 17,305 miles"},
    ],
    "orders": [
        {"confirmation_code": "H4TW9R", "customer_name": "Marcus Feldkamp", "fare_type": "main",
         "summary": "BOI-DEN 2026-06-09 flown; 1 checked bag; total 412.60 USD"},
        {"confirmation_code": "P9ZL4C", "customer_name": "Dorothea Lindqvist", "fare_type": "main",
         "summary": "GEG-MSO 2026-06-14 flown; bag tag SR071943; delayed bag file MSOSR20457"},
        {"confirmation_code": "7MKD3Q", "customer_name": "Joaquin Restrepo", "fare_type": "main",
         "summary": "SLC-BOI flight 1184 2026-06-17"},
        {"confirmation_code": "BX82NJ", "customer_name": "Priyanka Raghunathan", "fare_type": "main",
         "summary": "GEG-SEA flight 2410 2026-06-15, departure retimed +20 min, seat 14A"},
        {"confirmation_code": "QF5R8T", "customer_name": "Gunnar Haugland", "fare_type": "main",
         "summary": "BIL-DEN 2026-06-19; no loyalty number on booking"},
        {"confirmation_code": "ZT3H6W", "customer_name": "Kendra Marsh-Oduya", "fare_type": "basic",
         "summary": "RNO-BOI 2026-06-20; booked 2026-05-24; 289.40 USD"},
        {"confirmation_code": "M2WQ7X", "customer_name": "Darnell Whitfield", "fare_type": "basic",
         "summary": "PDX-SUN; 1 passenger"},
        {"confirmation_code": "J6CN4P", "customer_name": "Malia Fonoti", "fare_type": "main",
         "summary": "SEA-JAC; 2 passengers; 642.00 USD"},
        {"confirmation_code": "W8FB2D", "customer_name": "Camila Arroyo", "fare_type": "main",
         "summary": "DEN-BZN flight 2231 2026-06-14 flown; seat 11D"},
        {"confirmation_code": "VK4T9E", "customer_name": "Lan Nguyen", "fare_type": "main",
         "summary": "SEA-BOI flight 2118 2026-06-14 diverted to PSC; 2 passengers"},
        {"confirmation_code": "F3RY8L", "customer_name": "Agnieszka Wrobel", "fare_type": "main",
         "summary": "FCA-SEA flight 1457 2026-06-13 flown; bag tag SR552816"},
        {"confirmation_code": "T0XN5B", "customer_name": "Ayesha Kareem", "fare_type": "main",
         "summary": "EUG-DEN 2026-06-18; last name on ticket does not match ID"},
    ],
}
