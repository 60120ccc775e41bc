from lib import *

# 1 shipping status, Irish caller, full repeat of order id, tracking link hand-back allowed
cid = "ship-status-delivery-exception-email"
ho = handoff(cid, 141200, "Niamh Gallagher", "+16175550143", True, "username+email+order id",
    "status", 0.77,
    "Niamh Gallagher received an email saying her order 4418206937 had a 'delivery exception' and wants to know if it is still coming. The AI could not interpret the carrier status code and she asked for a person.",
    [F("customer_name", "Niamh Gallagher"), F("order_id", "4418206937"), F("username", "ngallagher88"),
     F("email", "niamh.gallagher88@email.com"), F("product", "calvin klein jacket", "system")],
    [A("validate_purchase", {"username": "ngallagher88", "email": "niamh.gallagher88@email.com", "order_id": "4418206937"}, True, "valid"),
     A("lookup_order", {"order_id": "4418206937"}, True, "1 item, calvin klein jacket, in transit, carrier status EXC-03")],
    "low_confidence", "Carrier status EXC-03 not in the AI's status table; answer to the yes/no question unknown.",
    ["Explain the delivery exception", "Confirm whether the order is still on its way"])
turns = [
 ("a", "hi there Niamh, it's Marcus here, I've got the notes from the automated line, you got an email about a delivery exception on your jacket order, is that right"),
 ("c", "yeah hiya Marcus, look, sorry, I'm after getting this email this morning sayin there's an exception on the delivery and I'm thinkin, is that it gone like, is it comin back to you lot or what"),
 ("a", "okay let's have a look for you, give me one second there"),
 ("c", "it's order four four one eight, two oh six, nine three seven, I gave it to the machine already but sure I'll give it again in case"),
 ("a", "that's perfect thanks, yeah that matches what I've got. so what I'm seeing is the carrier flagged it because the label got a bit smudged, but they re-scanned it at the depot so it's still on its way to you"),
 ("c", "ah right so it's not lost, it's still comin to me, grand. is it the right address though, they didn't go changin anything"),
 ("a", "no changes, it's still going to the address on the account, it's just running about a day behind"),
 ("c", "ok that's grand so. would ye be able to send me the tracking thing so I can keep an eye on it meself, cos the link in the email only goes to the exception page"),
 ("a", "absolutely, I can have the automated system send you a fresh tracking link for that order right after we finish, is that alright"),
 ("c", "yeah do, go on, that'd be great"),
 ("a", "done, you'll get that in a minute or two. anything else I can help with"),
 ("c", "no that's it, thanks a million Marcus, sorry for the bother"),
]
call(cid, "Irish caller asks whether a 'delivery exception' email means her jacket is lost", ho, 158900, turns,
  {"customer_name": "Niamh Gallagher", "phone": "+16175550143", "order_id": "4418206937", "username": "ngallagher88",
   "email": "niamh.gallagher88@email.com", "product": "calvin klein jacket"},
  [3], ["status"], [], {"task": "send_shipping_status_link", "allowed": True}, False)

# 2 manage shipping, Filipino caller, wrong zip in package, new address, address update hand-back allowed
cid = "ship-manage-new-house-zip-misheard"
ho = handoff(cid, 97300, "Maricel Dimaculangan", "+16505550178", True, "full name+account id+order id",
    "manage", 0.83,
    "Maricel Dimaculangan moved house and wants the shipping address changed on order 7730194852, which is in transit. The address update was rejected because the zip code did not match the account.",
    [F("customer_name", "Maricel Dimaculangan"), F("account_id", "MD48271QX"), F("order_id", "7730194852"), F("zip_code", "94041")],
    [A("verify_identity", {"customer_name": "Maricel Dimaculangan", "account_id": "MD48271QX", "order_id": "7730194852"}, True, "verified"),
     A("update_order", {"order_id": "7730194852", "change": "change address", "zip_code": "94041"}, False, "rejected: zip does not match account")],
    "task_failed", "Address change rejected by the order system (zip mismatch).",
    ["Re-confirm the zip code", "Take the new street address", "Update the order"])
turns = [
 ("a", "hello, good afternoon, this is Dana, I'm taking over from the virtual assistant, I understand you want the shipping address changed on an order that's already on the way"),
 ("c", "yes ma'am, hi, good afternoon po. yes because we moved already last weekend and the order is still going to the old apartment, so I want it to go to the new house"),
 ("a", "sure, I can help with that. for security I just need to confirm your zip code, I have nine four oh four one here"),
 ("c", "ay no, that's wrong, it's nine four oh one four. one four at the end. maybe I said it too fast to the machine, sorry"),
 ("a", "no problem at all, nine four oh one four, that matches the account, thank you. and what's the new street address"),
 ("c", "it's four five, forty five, Skyline Court, S K Y L I N E, still Daly City, same zip, just near only"),
 ("a", "forty five Skyline Court, got it. and the order is seven seven three oh one nine four eight five two, is that the one"),
 ("c", "yes that's the one, the Guess jeans for my son, for his graduation"),
 ("a", "perfect. since you're verified now, I'll let the assistant finish the address change on the order and it'll send you a confirmation, is that okay"),
 ("c", "yes that's okay po, as long as it goes to the new house. that's all na, thank you so much ma'am, ingat"),
]
call(cid, "Filipino caller moving house corrects a misheard zip before changing the shipping address", ho, 118400, turns,
  {"customer_name": "Maricel Dimaculangan", "phone": "+16505550178", "account_id": "MD48271QX", "order_id": "7730194852",
   "zip_code": "94014", "street_address": "45 Skyline Court", "product": "guess jeans"},
  [], ["manage"], ["facts.zip_code"], {"task": "update_address_after_verification", "allowed": True}, False)

# 3 missing item, Nigerian caller, swapped order id digits, then suspected fraud -> refused
cid = "ship-missing-boots-strange-orders"
ho = handoff(cid, 203550, "Chidinma Okonkwo", "+17135550166", False, "username+email (order not found)",
    "missing", 0.9,
    "Chidinma Okonkwo says her Tommy Hilfiger boots never arrived. The order lookup returned 'not found' twice for the order number she gave.",
    [F("customer_name", "Chidinma Okonkwo"), F("order_id", "6150327498"), F("username", "cokonkwo5"),
     F("email", "c.okonkwo5@email.com"), F("product", "tommy hilfiger boots")],
    [A("lookup_order", {"order_id": "6150327498"}, False, "not found"),
     A("lookup_order", {"order_id": "6150327498"}, False, "not found")],
    "tool_failure_repeated", "Order lookup failed twice.",
    ["Re-check the order number", "Find out how long she has waited", "Reship if over a week"])
turns = [
 ("a", "hello Chidinma, this is Rob, thanks for holding. I see the boots never arrived and the order lookup wasn't working for our assistant"),
 ("c", "yes oh, it's been eleven days now, eleven. and the thing kept telling me order not found, order not found, I said how can it not be found when you people have taken my money"),
 ("a", "I'm sorry about that. I have the order as six one five oh three two seven four nine eight, can you check that against your confirmation email"),
 ("c", "wait let me see... no, it's 489 at the end. 6150 327 489. not 98. the robot must have turned it around"),
 ("a", "ah, that explains it. yes, six one five oh three two seven four eight nine, there it is, the Tommy Hilfiger boots, and it shows delivered more than a week ago"),
 ("c", "delivered ke? nothing came to my door. nothing at all"),
 ("a", "since it's been over a week I can send a new pair. can you confirm the delivery address for me"),
 ("c", "nine oh two one Bellfort Avenue, Houston, seven seven oh three one"),
 ("a", "thank you. before I place that, is everything else on the account looking normal to you"),
 ("c", "actually no, that's the other thing. when I logged in I saw two orders I did not place at all, going to some address in Dallas I don't know. somebody is using my card, I'm sure of it"),
 ("a", "okay, that's important. then I'm not going to have anything sent automatically, I'm going to get our fraud team on this with you now and hold the replacement until they've checked the account"),
 ("c", "please, because I don't want them sending boots to the thief again. abeg do it"),
 ("a", "understood, I'm bringing them on now and I'll stay on the line until they pick up"),
 ("c", "okay, thank you Rob"),
]
call(cid, "Nigerian caller's missing boots: swapped order digits, then unknown orders on her account", ho, 224100, turns,
  {"customer_name": "Chidinma Okonkwo", "phone": "+17135550166", "order_id": "6150327489", "username": "cokonkwo5",
   "email": "c.okonkwo5@email.com", "product": "tommy hilfiger boots", "street_address": "9021 Bellfort Avenue", "zip_code": "77031"},
  [], ["missing"], ["facts.order_id"], {"task": "reship_replacement_order", "allowed": False}, False)

# 4 shipping cost, Australian caller, wrong amount in package, fee waived by agent
cid = "ship-cost-fee-nearly-the-shirt"
ho = handoff(cid, 88020, "Brodie Tennant", "+15035550182", True, "username+email+order id",
    "cost", 0.71,
    "Brodie Tennant thinks the shipping fee on order 2093845517 is far too high and wants it waived. The AI could not confirm the shipping status.",
    [F("customer_name", "Brodie Tennant"), F("order_id", "2093845517"), F("username", "brodiet_pdx"),
     F("amount", "19.85 USD"), F("product", "michael kors shirt", "system")],
    [A("validate_purchase", {"username": "brodiet_pdx", "order_id": "2093845517"}, True, "valid"),
     A("shipping_status", {"order_id": "2093845517"}, False, "timeout")],
    "customer_request", "Caller said the bot 'wasn't listening' and asked for a human.",
    ["Check the shipping status", "Waive the fee if not yet delivered"])
turns = [
 ("a", "hey Brodie, Jess here, sorry about the wait, I see you've got a question about the shipping charge on your order"),
 ("c", "yeah g'day Jess, no worries. look I was just chatting to your robot thing and it kept saying it understood me and then it clearly didn't, so yeah. bloody shipping cost nearly as much as the shirt"),
 ("a", "ha, sorry about that. okay so I've got a shipping charge here of nineteen eighty five, is that what you were charged"),
 ("c", "nah, not quite, it was $18.95. one eight nine five. I'm looking at the receipt right now. still a rip off mind you"),
 ("a", "you're right, eighteen ninety five, I misread that. and do you know where the order's at right now, has it shipped"),
 ("c", "email reckons it's in transit, left the warehouse yesterday arvo I think"),
 ("a", "okay good, because it's still in transit I can waive that shipping fee for you completely"),
 ("c", "oh, legend. so the whole lot comes back to me?"),
 ("a", "yep, the full fee's waived, you'll see it back on your card in three to five business days"),
 ("c", "sweet as. and next time I'll just pick the slow shipping, didn't need it overnight anyway, it's a shirt not a kidney"),
 ("a", "fair enough. anything else I can do for you today"),
 ("c", "nah that's it, cheers Jess, have a good one"),
]
call(cid, "Australian caller wants the shipping fee waived; the package has the fee wrong", ho, 104700, turns,
  {"customer_name": "Brodie Tennant", "phone": "+15035550182", "order_id": "2093845517", "username": "brodiet_pdx",
   "amount": "18.95 USD", "product": "michael kors shirt"},
  [], ["cost"], ["facts.amount"], None, False)

# 5 boots FAQ, US teen, repeats product, agent reads a promo code (not a fact)
cid = "boots-waterproof-school-trip"
ho = handoff(cid, 61800, "Madison Alvarez", "+13055550121", False, "none (guest, FAQ only)",
    "boots", 0.62,
    "Madison Alvarez asks whether the Michael Kors boots are waterproof for a school trip. The AI was unsure whether the product is waterproof or water resistant.",
    [F("customer_name", "Madison Alvarez"), F("product", "michael kors boots")],
    [A("search_faq", {"topic": "boots", "query": "waterproof"}, True, "2 answers, low match")],
    "low_confidence", "FAQ match below threshold.",
    ["Answer the waterproof question"])
turns = [
 ("a", "hi Madison, this is Terrence, I hear you had a question about some boots"),
 ("c", "um yeah hi, so like, I'm going on this school trip thing to the mountains next month and I wanna know if the boots are actually waterproof or just like, water resistant? cause there's a difference"),
 ("a", "there is, good question. which boots were you looking at"),
 ("c", "the michael kors ones? like I literally told the bot that already, the michael kors boots, the tan ones"),
 ("a", "got it, sorry. so those are water resistant, treated leather upper, they're fine for rain and puddles but I wouldn't go wading through a creek in them"),
 ("c", "okay lowkey that's kinda what I thought. is there like a spray or something you can put on them"),
 ("a", "yeah a waterproofing spray works really well on those, and actually right now there's a promo on outdoor care, the code is TRAIL fifteen, T R A I L one five, you put it in at checkout"),
 ("c", "wait say that again, trail one five?"),
 ("a", "yep, trail one five, all one word, no spaces. and they run true to size if you were wondering"),
 ("c", "oh good cause I'm like a seven and a half and my mom would kill me if I had to send them back. okay perfect thank you, that's literally all I needed"),
]
call(cid, "Teen asks if the Michael Kors boots are waterproof; agent reads out a promo code", ho, 79250, turns,
  {"customer_name": "Madison Alvarez", "phone": "+13055550121", "product": "michael kors boots"},
  [3], ["boots"], [], None, False)

# 6 shirt FAQ, elderly caller, agent reads back phone (bare confirm), confirmation email hand-back allowed
cid = "shirt-shrink-gift-for-grandson"
ho = handoff(cid, 176400, "Dorothy Pembroke", "+17275550189", True, "full name+account id",
    "shirt", 0.58,
    "Dorothy Pembroke bought a shirt as a gift on order 5519023386 and wants to know if it will shrink. She also mentioned a missing receipt. The AI could not follow her question.",
    [F("customer_name", "Dorothy Pembroke"), F("account_id", "DPR22091"), F("order_id", "5519023386")],
    [A("verify_identity", {"customer_name": "Dorothy Pembroke", "account_id": "DPR22091"}, True, "verified")],
    "low_confidence", "Three 'I didn't catch that' turns in a row.",
    ["Answer the shrinking question", "Resend the order confirmation"])
turns = [
 ("a", "good morning Mrs Pembroke, my name's Alan, I'm picking up from our automated assistant, how can I help"),
 ("c", "oh good morning Alan, thank heavens, a real person. that machine lady was very polite but she didn't understand a word I said about the shirt"),
 ("a", "I'm sorry about that. what would you like to know about it"),
 ("c", "well, I bought one of the Calvin Klein shirts for my grandson Tyler, he's starting a new job, and my daughter says those shrink something terrible in the wash and I don't want it ruined before he's even worn it"),
 ("a", "that's a very fair worry. those are a cotton blend and they're pre-shrunk, so washed cold and hung to dry it'll keep its size. the only thing I'd avoid is a hot dryer"),
 ("c", "cold, and hang it up. alright, I'll write that on the card for him. now the other thing, I never got the receipt, the email, whatever you call it, for the gift box"),
 ("a", "no problem, I can have the assistant send the confirmation email again once we hang up. what email should it go to"),
 ("c", "it's dotty, D O T T Y, then a dot, then pembroke, P E M B R O K E, at a o l dot com. all small letters. my grandson says it doesn't matter but I say it anyway"),
 ("a", "dotty dot pembroke at aol dot com, perfect. and in case there's any problem, the best number is still seven two seven, five five five, oh one eight nine?"),
 ("c", "yes, that's right dear, that's the house phone"),
 ("a", "lovely. that confirmation will be with you in a few minutes. anything else I can help with"),
 ("c", "no, that's everything. you've been very patient with an old lady, thank you Alan"),
]
call(cid, "Elderly caller asks if a gift shirt will shrink and wants the receipt resent", ho, 199000, turns,
  {"customer_name": "Dorothy Pembroke", "phone": "+17275550189", "account_id": "DPR22091", "order_id": "5519023386",
   "product": "calvin klein shirt", "email": "dotty.pembroke@aol.com"},
  [], ["shirt"], [], {"task": "send_confirmation_email", "allowed": True}, False)
