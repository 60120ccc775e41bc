from lib import *

# 6
cid = "ma-wife-spotted-forty-dollar-service"
h = pkg(cid, "Declan Moriarty", "+16175550134", True, "full name+account id",
        "status_service_added", 0.83,
        "Declan Moriarty says a premium service he never added appeared on his account and was charged to his card. He wants it removed and refunded.",
        [("customer_name", "Declan Moriarty", "caller"), ("account_id", "DM83QL2R", "caller")],
        [("pull_up_account", {"account_id": "DM83QL2R"}, True, "account found"),
         ("check_services", {"account_id": "DM83QL2R"}, False, "service error 500")],
        "task_failed", "Could not read the services on the account.",
        ["Find out how he heard about the charge", "Check whether the service was added in error", "Remove it and refund if so"], 120580)
call(cid, "Irish caller's wife found a service charge he never added; removed and refunded", h, 134020, [
    ("a", "hi there Declan, Sofia here, thanks for hanging on. you're calling about a service on the account you didn't sign up for?"),
    ("c", "I am yeah. so the wife was going through the card statement last night and she says to me what's this forty dollar thing from the clothes shop, some premium something, and I never added anything, I swear to God"),
    ("a", "okay let's have a look. I've got the account here, D M eight three Q L two R?"),
    ("c", "that's it yeah, the one ending two R", "R"),
    ("a", "great. so your wife spotted it on the statement, that's how you heard about it?"),
    ("c", "she did, she's the eagle eye in the house, I'd never have noticed in a month of Sundays"),
    ("a", "let me check whether that was added in error... okay, it does look like it was added by mistake on our side, that's not on you"),
    ("c", "ah grand, so I'm not going mad"),
    ("a", "not at all. I've removed the extra service and I'm putting a refund of forty dollars back on the card"),
    ("c", "forty yeah that's what she said, forty dollars even. how long does that take to show up"),
    ("a", "usually three to five business days. anything else I can do for you?"),
    ("c", "no no that's everything. tell the robot it did its best ha. cheers Sofia"),
], {"customer_name": "Declan Moriarty", "phone": "+16175550134", "account_id": "DM83QL2R",
    "amount": "40.00 USD"},
   ["status_service_added"], handback=None)

# 7
cid = "ma-promo-credit-gone-old-hotmail"
h = pkg(cid, "Tanya Bergstrom", "+16125550177", True, "full name+account id",
        "status_credit_missing", 0.81,
        "Tanya Bergstrom says a 25 USD credit from the summer promotional package disappeared from her account before she could use it.",
        [("customer_name", "Tanya Bergstrom", "caller"), ("account_id", "TB5509WW", "system"),
         ("amount", "25.00 USD", "caller"), ("email", "tanya.bergstrom@hotmail.com", "system")],
        [("check_credit", {"account_id": "TB5509WW"}, True, "no active credit")],
        "low_confidence", "Unsure whether the missing credit is a display issue or a real loss.",
        ["Confirm where the credit came from", "Check if it is really missing", "Issue a promo code for the amount"], 88710)
call(cid, "Promo-package credit vanished; promo code goes to a new email, not the old one on file", h, 101480, [
    ("a", "hi Tanya, this is Rob, sorry for the wait. so there's some store credit missing?"),
    ("c", "yes hi Rob okay so I signed up for that um the summer promo package thing where you get the twenty five dollar credit? and it showed up for like a day and then poof, gone. and I was literally about to check out with it", "R"),
    ("a", "that's frustrating. so the credit came from the promotional package, not from a refund or anything?"),
    ("c", "right the promo package, not a refund"),
    ("a", "let me check... okay yeah, the system agrees the credit is missing. and how much was it, twenty five?"),
    ("c", "twenty five yep, twenty five bucks", "R"),
    ("a", "okay so I'll make a promo code for twenty five dollars and our assistant can email it over. I have tanya dot bergstrom at hotmail dot com?"),
    ("c", "oh gosh no don't send it there, I haven't opened that hotmail in like five years. it's outlook now. same thing tanya dot bergstrom at outlook dot com. B E R G S T R O M"),
    ("a", "got it, tanya dot bergstrom at outlook dot com. I'll fix that on the account too, and the assistant sends the code there right after we hang up"),
    ("c", "perfect. and it works on sale stuff? because the sandals are on sale"),
    ("a", "it should, as long as the item isn't marked final sale"),
    ("c", "okay amazing, thank you Rob, you're a lifesaver"),
], {"customer_name": "Tanya Bergstrom", "phone": "+16125550177", "account_id": "TB5509WW",
    "amount": "25.00 USD", "email": "tanya.bergstrom@outlook.com"},
   ["status_credit_missing"], errors=["facts.email"],
   handback={"task": "send_promo_code", "allowed": True})

# 8
cid = "ma-moving-four-blocks-new-street"
h = pkg(cid, "Brodie Callahan", "+15125550126", True, "full name+phone",
        "manage_change_address", 0.88,
        "Brodie Callahan is moving and wants the address on his account changed. Current address on file is 4412 Shoal Creek Boulevard.",
        [("customer_name", "Brodie Callahan", "caller"), ("street_address", "4412 Shoal Creek Boulevard", "system"),
         ("zip_code", "78756", "system"), ("email", "brodie_callahan@gmail.com", "system")],
        [("verify_identity", {"customer_name": "Brodie Callahan", "phone": "+15125550126"}, False, "needs 3 of 7 items")],
        "customer_request", "Caller asked for a person when asked for more verification items.",
        ["Confirm the current street address", "Verify 3 of 7 items", "Update to the new street address"], 54220)
call(cid, "Australian caller moving down the road changes the street on his account", h, 69930, [
    ("a", "hi Brodie this is Kim, I hear you're moving house?"),
    ("c", "yeah mate finally, we're only going about four blocks but the missus'll kill me if the next order goes to the old place. so I need the address changed on the account"),
    ("a", "no worries. to change it I need you to confirm the current address first"),
    ("c", "yep it's forty four twelve Shoal Creek Boulevard. boulevard, not road", "R"),
    ("a", "perfect. and a couple more things to verify, can you give me the zip and the email on the account?"),
    ("c", "zip's seven eight seven five six, and email is brodie underscore callahan at gmail, C A double L A H A N", "R"),
    ("a", "great, that's you verified. what's the new street address?"),
    ("c", "fifty one oh three Woodrow Avenue. W O O D R O W. same zip same everything, just the street"),
    ("a", "fifty one oh three Woodrow Avenue, lovely. now you're verified I'll let our automated assistant make the update and email you a confirmation, that way you've got it in writing"),
    ("c", "sweet as. will it change the one on my order from yesterday too? that's the boots"),
    ("a", "that one's already shipped so it'll go to Shoal Creek, but anything new goes to Woodrow"),
    ("c", "ah fair enough, I'll grab it off the new tenants, they seem alright. cheers Kim"),
], {"customer_name": "Brodie Callahan", "phone": "+15125550126", "street_address": "5103 Woodrow Avenue",
    "zip_code": "78756", "email": "brodie_callahan@gmail.com"},
   ["manage_change_address"], handback={"task": "update_address_after_verification", "allowed": True}, changed=["street_address"])

# 9
cid = "ma-debit-expired-switch-paypal-pay-due"
h = pkg(cid, "Beatriz Almeida", "+14075550153", True, "full name+account id",
        "manage_payment_method", 0.72,
        "Beatriz Almeida's debit card expired and her subscription payment is now late. She wants to switch to PayPal. Caller is a non-native speaker; the AI had trouble understanding her.",
        [("customer_name", "Beatriz Almeida", "caller"), ("account_id", "BA7702MNE", "system"),
         ("membership_level", "silver", "system"), ("amount", "55.00 USD", "system"), ("date", "2026-06-10", "system")],
        [("check_subscription", {"account_id": "BA7702MNE"}, True, "past due 55 USD since 2026-06-10; silver")],
        "low_confidence", "Low speech-recognition confidence on several caller turns.",
        ["Verify identity", "Change the payment method to PayPal", "Offer to take the overdue payment"], 143900)
call(cid, "Brazilian caller swaps expired debit card for PayPal, then pays the late balance", h, 161250, [
    ("a", "hi Beatriz, this is Devon, how are you doing today?"),
    ("c", "hi Devon, I am okay thank you. so the problem, my card, the debit card, it expire, and now the subscription say I owe money, and I want to change to PayPal because the bank send me new card but it is not arrive yet"),
    ("a", "got it, that makes sense. so right now it's set to the debit card and you'd like PayPal instead?"),
    ("c", "yes. PayPal. pay pal"),
    ("a", "okay I just need to verify a few things first. can I have the zip code on the account?"),
    ("c", "three two eight oh three"),
    ("a", "thank you. and your email?"),
    ("c", "beatriz dot almeida at hotmail dot com dot b r. no sorry, dot com only, the b r is my old one"),
    ("a", "okay beatriz dot almeida at hotmail dot com, and you're calling from the number on file, so you're verified. I've switched the payment method to PayPal"),
    ("c", "ah good. and the money, the fifty five dollar, it was due on the tenth, I am late, I am so sorry", "R"),
    ("a", "no problem at all. would you like to pay that now with PayPal? our automated assistant can take the payment, it's quick, it'll just confirm the amount with you"),
    ("c", "yes please I prefer, so I don't forget again"),
    ("a", "perfect, I'll pass you over to it for the payment. anything else before I go?"),
    ("c", "no that's all, thank you Devon, very kind"),
], {"customer_name": "Beatriz Almeida", "phone": "+14075550153", "account_id": "BA7702MNE",
    "membership_level": "silver", "amount": "55.00 USD", "date": "2026-06-10",
    "payment_method": "paypal", "zip_code": "32803", "email": "beatriz.almeida@hotmail.com"},
   ["manage_payment_method", "manage_pay_bill"],
   handback={"task": "take_subscription_payment", "allowed": True})

# 10
cid = "ma-gold-member-moving-to-toronto"
h = pkg(cid, "Anand Krishnamurthy", "+19195550140", True, "full name+account id",
        "status_shipping_question", 0.58,
        "Anand Krishnamurthy asked something about shipping to Canada. Several turns were not understood.",
        [("customer_name", "Anand Krishnamurthy", "caller"), ("account_id", "AK19GLD04", "system"),
         ("membership_level", "gold", "system"), ("email", "a.krishnamurthy@outlook.com", "system")],
        [],
        "low_confidence", "Intent confidence stayed below threshold after three reprompts.",
        ["Clarify the shipping question"], 73110)
call(cid, "Gold member relocating to Toronto asks whether international shipping is free", h, 86400, [
    ("a", "hello Mr Krishnamurthy, this is Jen, thanks for waiting. you had a question about shipping abroad?"),
    ("c", "yes hello Jen. actually it's a simple question only, but your robot was not understanding me, every time it is saying sorry I didn't catch that, sorry I didn't catch that"),
    ("a", "I'm sorry about that. what's the question?"),
    ("c", "I am relocating to Toronto from next month, for one year, for work. so I want to know whether my membership gives free shipping to Canada or I have to pay extra each time"),
    ("a", "okay. I see you're a gold member, is that right?"),
    ("c", "correct, that's right"),
    ("a", "let me check the system... so shipping to and from Canada is covered on your plan, no extra shipping charge"),
    ("c", "oh very good. and returns also? if I return from Toronto I have to pay?"),
    ("a", "returns from abroad are covered too. there's a page with the full details, I can have our automated assistant email you the link after we hang up"),
    ("c", "email is better. same email, the a krishnamurthy one at outlook", "R"),
    ("a", "perfect, it'll go there. anything else?"),
    ("c", "no that's all. thank you Jen, much faster with a human being, no offence to the system"),
], {"customer_name": "Anand Krishnamurthy", "phone": "+19195550140", "account_id": "AK19GLD04",
    "membership_level": "gold", "email": "a.krishnamurthy@outlook.com"},
   ["status_shipping_question"], handback={"task": "send_subscription_faq_link", "allowed": True})
print("ok")
