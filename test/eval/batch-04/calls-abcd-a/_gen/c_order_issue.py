from lib import *

# 11
cid = "oi-service-fee-bronze-is-silver"
h = pkg(cid, "Loretta Pruitt", "+14785550111", True, "full name+account id+order id",
        "status_mystery_fee", 0.86,
        "Loretta Pruitt was charged a 12.99 USD service fee on her order of a Tommy Hilfiger shirt and does not know why. Membership on file is bronze, so the fee would normally stay.",
        [("customer_name", "Loretta Pruitt", "caller"), ("account_id", "LP0420GA", "system"),
         ("order_id", "4471902385", "caller"), ("amount", "12.99 USD", "caller"),
         ("product", "tommy hilfiger shirt", "system"), ("membership_level", "bronze", "system")],
        [("verify_identity", {"customer_name": "Loretta Pruitt", "account_id": "LP0420GA", "order_id": "4471902385"}, True, "verified"),
         ("ask_oracle", {"order_id": "4471902385"}, True, "no company error")],
        "customer_request", "Caller refused the explanation and asked for a person.",
        ["Explain the fee policy for her membership level"], 110950)
call(cid, "Grandmother's service fee is removed once she points out she is silver, not bronze", h, 127310, [
    ("a", "hi Miss Loretta, this is Chris, thank you for waiting on me. you've got a fee on your order you don't recognize?"),
    ("c", "well yes hi Chris. I ordered one of those Tommy Hilfiger shirts for my grandson and there's this twelve dollar and ninety nine cent charge at the bottom says service fee, and I did not ask for any service", "R"),
    ("a", "I understand. I've got the order here ending two three eight five. let me check whether that fee was our mistake"),
    ("c", "mm-hm"),
    ("a", "okay, the system says the fee was applied correctly, it's not an error on our side. now it depends on membership, and I'm showing you as a bronze member, and with bronze I'm afraid the fee"),
    ("c", "bronze? no sir. honey I have been silver since last Christmas, my daughter upgraded me as a present. you look again"),
    ("a", "let me look again... you're absolutely right, I see the upgrade in December, you're silver. my notes were out of date, I apologize"),
    ("c", "mm-hmm. I knew it"),
    ("a", "so as a silver member we'll remove that fee. I'm taking the twelve ninety nine off the order now"),
    ("c", "well thank you. now will that come back on my card or is it just off the bill"),
    ("a", "it's off the bill, the order total just drops by that much. anything else I can help you with today?"),
    ("c", "no that's it, you have a blessed day Chris"),
], {"customer_name": "Loretta Pruitt", "phone": "+14785550111", "account_id": "LP0420GA",
    "order_id": "4471902385", "amount": "12.99 USD", "product": "tommy hilfiger shirt",
    "membership_level": "silver"},
   ["status_mystery_fee"], errors=["facts.membership_level"], handback=None)

# 12
cid = "oi-double-tapped-guess-jeans"
h = pkg(cid, "Kwame Mensah", "+17185550168", True, "full name+account id+order id",
        "manage_cancel", 0.91,
        "Kwame Mensah accidentally ordered two pairs of Guess jeans and wants one cancelled. The order is in transit. He is a gold member.",
        [("customer_name", "Kwame Mensah", "caller"), ("account_id", "KM66BX31", "system"),
         ("order_id", "8830174265", "caller"), ("product", "guess jeans", "system"),
         ("membership_level", "gold", "system")],
        [("shipping_status", {"order_id": "8830174265"}, True, "in transit")],
        "off_policy", "Refund on an in-transit order needs a human.",
        ["Confirm the price of one pair", "Refund the duplicate", "Tell him to call back for a return label"], 47760)
call(cid, "Duplicate jeans order in transit; caller asks for the robot to do the refund, agent does it", h, 60120, [
    ("a", "hey Kwame this is Nadia, I see you ordered the same thing twice by accident?"),
    ("c", "yeah man the app froze, I tapped the button again and now I got two pairs of the Guess jeans coming. I only need one, it's not a twins situation", "R"),
    ("a", "ha, happens a lot. okay the order I have is eight eight three oh one seven four two six five?"),
    ("c", "yeah yeah that's right"),
    ("a", "and it's already in transit so I can't pull it off the truck. but you're a gold member right?"),
    ("c", "gold, yeah", "R"),
    ("a", "okay so as gold I can refund the extra pair right now, and when the box arrives you call back for a return label for the second pair. how much was one pair?"),
    ("c", "sixty eight fifty. sixty eight dollars fifty cents"),
    ("a", "sixty eight fifty, okay, I'm putting that refund through"),
    ("c", "wait can't you just give it back to the robot lady and she does it? I got a meeting in like five minutes and the system had me on hold forever"),
    ("a", "refunds I have to do myself, she's not able to issue those. it's actually done already, sixty eight fifty back to your card in three to five days"),
    ("c", "oh word, that was fast. okay bet"),
    ("a", "and don't forget to call back for the label when it lands. anything else?"),
    ("c", "nah we good, thanks Nadia"),
], {"customer_name": "Kwame Mensah", "phone": "+17185550168", "account_id": "KM66BX31",
    "order_id": "8830174265", "product": "guess jeans", "membership_level": "gold",
    "amount": "68.50 USD"},
   ["manage_cancel"], handback={"task": "issue_refund", "allowed": False})

# 13
cid = "oi-add-matching-shirt-order-digits-swapped"
h = pkg(cid, "Thandiwe Nkosi", "+12065550172", False, "username+email (order not found)",
        "manage_create", 0.84,
        "Thandiwe Nkosi wants to add a Michael Kors shirt to an existing order. The order number she gave could not be found.",
        [("customer_name", "Thandiwe Nkosi", "caller"), ("order_id", "5520938147", "caller"),
         ("username", "thandi.nkosi", "caller"), ("email", "thandinkosi@proton.me", "caller")],
        [("lookup_order", {"order_id": "5520938147"}, False, "order not found"),
         ("lookup_order", {"order_id": "5520938147"}, False, "order not found")],
        "task_failed", "Order lookup failed twice.",
        ["Re-check the order number", "Add the shirt if the order has not shipped"], 90030)
call(cid, "South African caller adds a shirt to her order once the swapped order digits are fixed", h, 104870, [
    ("a", "hi Thandiwe, you're through to Aaron. I understand you'd like to add something to an order but we couldn't pull it up?"),
    ("c", "hi Aaron, ja exactly. I ordered the jeans on Saturday and now I've seen the matching shirt, the Michael Kors one, and I'd love it in the same parcel if it's not too late"),
    ("a", "let's see. the order number I've got is five five two oh nine three eight one four seven?"),
    ("c", "hang on let me open the email... no, it's five five two oh, three nine eight, one four seven. the nine and the three are the other way round"),
    ("a", "that explains it. five five two zero three nine eight one four seven, there it is. and for security the email on the account?"),
    ("c", "thandinkosi at proton dot me. P R O T O N, dot M E", "R"),
    ("a", "perfect. it's still at order received, hasn't shipped, so we can add the shirt straight in. which size?"),
    ("c", "medium please, the medium. and same card as the jeans"),
    ("a", "lovely. I'm going to pass you back to our automated assistant to place the shirt on the order, it'll read the total back and confirm the card with you"),
    ("c", "shot, that's great. will it still come Thursday?"),
    ("a", "it should, same delivery window"),
    ("c", "lekker. thanks so much Aaron, cheers"),
], {"customer_name": "Thandiwe Nkosi", "phone": "+12065550172", "order_id": "5520398147",
    "username": "thandi.nkosi", "email": "thandinkosi@proton.me", "product": "michael kors shirt"},
   ["manage_create"], errors=["facts.order_id"],
   handback={"task": "add_item_to_order", "allowed": True})

# 14
cid = "oi-night-nurse-evening-delivery"
h = pkg(cid, "Caitlin Oduya", "+13125550194", True, "full name+account id",
        "status_delivery_time", 0.8,
        "Caitlin Oduya wants her delivery on 2026-06-18 moved from the morning window to the evening. She works nights.",
        [("customer_name", "Caitlin Oduya", "caller"), ("account_id", "KO3318PLM", "system"),
         ("order_id", "6093317720", "caller"), ("date", "2026-06-18", "system")],
        [("ask_oracle", {"order_id": "6093317720"}, False, "service unavailable")],
        "tool_failure_repeated", "Delivery-window service unavailable.",
        ["Check whether the morning window was an error", "Move the delivery to the evening"], 131500)
call(cid, "Night-shift nurse moves Thursday delivery to evening; her name was misspelt in the package", h, 146010, [
    ("a", "hi, is this Caitlin? this is Omar"),
    ("c", "yeah hi it's Kaitlyn but um it's spelled with a K actually, K A I T L Y N, everybody gets that wrong, the bot wrote it down with a C I think"),
    ("a", "sorry about that, Kaitlyn with a K, I've fixed it. so you'd like to change the delivery time?"),
    ("c", "yes so I work nights, I'm a nurse, and the delivery says it's coming between like eight and noon on Thursday and I'm literally asleep, and last time they left it on the steps and it got soaked"),
    ("a", "oh no. okay what's the order number so I can look it up?"),
    ("c", "six oh nine three, three one seven, seven two oh", "R"),
    ("a", "thank you. and that's the one scheduled for Thursday the eighteenth?"),
    ("c", "yep the eighteenth", "R"),
    ("a", "so it turns out the morning window was just the default, not something you picked. I can move it to the evening slot, five to nine, same day"),
    ("c", "oh my god yes, evening is perfect, I'm up by four"),
    ("a", "great. our automated assistant can lock in the new window and text you the confirmation once we're done, is that alright?"),
    ("c", "yeah that's fine, text is good"),
    ("a", "done. anything else?"),
    ("c", "no that's it, thank you, seriously"),
], {"customer_name": "Kaitlyn Oduya", "phone": "+13125550194", "account_id": "KO3318PLM",
    "order_id": "6093317720", "date": "2026-06-18"},
   ["status_delivery_time"], errors=["facts.customer_name"],
   handback={"task": "reschedule_delivery", "allowed": True})

# 15
cid = "oi-payment-change-reveals-takeover"
h = pkg(cid, "Gerald Pemberton", "+19415550137", True, "full name+account id+order id",
        "status_payment_method", 0.77,
        "Gerald Pemberton wants to change the payment method on his order of a Calvin Klein jacket (212.40 USD), currently on a credit card.",
        [("customer_name", "Gerald Pemberton", "caller"), ("account_id", "GP1947UK", "system"),
         ("order_id", "7719046652", "caller"), ("payment_method", "credit card", "system"),
         ("amount", "212.40 USD", "system"), ("product", "calvin klein jacket", "system")],
        [("verify_identity", {"customer_name": "Gerald Pemberton", "account_id": "GP1947UK", "order_id": "7719046652"}, True, "verified")],
        "customer_request", "Caller asked to speak to someone.",
        ["Check the shipping status", "Change the payment method if allowed"], 65240)
call(cid, "Payment-method change uncovers a delivery address the elderly caller never set: suspected takeover", h, 79800, [
    ("a", "good morning Mr Pemberton, it's Lauren here. you'd like to change how you paid for an order?"),
    ("c", "good morning Lauren. yes quite. I bought a Calvin Klein jacket, two hundred and twelve dollars forty, pounds I nearly said, thirty years here and I still think in pounds, and it went on the credit card and I'd rather it went through my online wallet thing as I get a rebate", "R"),
    ("a", "that's no problem in principle. let me check the status... okay it's in transit. hmm. Mr Pemberton can I ask, did you change the delivery address on this order yesterday? it's showing a new address in Nevada"),
    ("c", "Nevada? good lord no. I've never set foot in Nevada. I live in Sarasota. what on earth"),
    ("a", "okay. and the sign-in yesterday came from a new device. did you log in from a new phone or computer?"),
    ("c", "no I have the one iPad and that's all. is someone in my account? my wife always said I shouldn't use the same password for everything"),
    ("a", "it does look like someone else may have got into the account. I'm not going to change the payment or pass this back to the automated assistant, I'm putting a hold on the order and sending it to our fraud team right now"),
    ("c", "yes please do. should I ring my bank as well?"),
    ("a", "I'd call the number on the back of your card, yes. our fraud team will call you on nine four one five five five oh one three seven, is that still good?"),
    ("c", "that's the house phone yes, nine four one, five five five, oh one three seven, somebody's usually in", "R"),
    ("a", "good. I've also signed out all devices, you'll get an email to set a new password"),
    ("c", "thank you Lauren. rather shaken to be honest, but thank you"),
], {"customer_name": "Gerald Pemberton", "phone": "+19415550137", "account_id": "GP1947UK",
    "order_id": "7719046652", "payment_method": "credit card", "amount": "212.40 USD",
    "product": "calvin klein jacket"},
   ["status_payment_method"], handback={"task": "change_order_payment_method", "allowed": False})
print("ok")
