/**
 * How customers say what a guideline is about, in their words rather than the guide's ("it never
 * showed up" for Missing Item). Indexed beside each guideline's own text so lexical search can bridge
 * the two vocabularies. General paraphrases of each need; none is taken from a particular call.
 */
export const CUSTOMER_PHRASINGS: Readonly<Record<string, string>> = {
  missing: "never arrived hasn't arrived didn't arrive never showed up hasn't shown up never came never got it didn't receive says delivered marked delivered but not here lost package stolen package porch doorstep neighbors front office mailroom replacement",
  status: 'where is my package where is my order tracking in transit when will it arrive has it shipped shipment status out for delivery returned to sender',
  cost: 'how much is shipping shipping fee overnight shipping cost express shipping price delivery charge',
  manage: 'change delivery address reroute redirect the package send it somewhere else ship to a different address moved',
  policy: 'return policy can I return can I still return return it later how long do I have to return exchange policy refund policy if I do not like them send them back after',
  membership: 'membership levels member benefits perks of being a member how do I become a member upgrade my membership guest account',
  timing: 'when does the sale start store hours opening hours when do you open holiday hours how long does it take',
  pricing: 'how much does it cost price of price match discount on sale',
  credit_card: 'card declined card keeps getting declined payment failed card not accepted checkout error card verification',
  shopping_cart: 'cart not updating cannot add to cart cart stays at zero item will not go in the basket add to cart button',
  search_results: 'search not working no results found cannot find items search bar search page',
  slow_speed: 'site is slow website slow page keeps loading takes forever to load',
  recover_password: 'forgot my password locked out cannot log in password is wrong reset my password',
  recover_username: 'forgot my username do not know my username what is my username',
  reset_2fa: 'two factor code sign in code goes to my old phone verification code not arriving lost my phone',
  refund_status: 'where is my refund refund not received has my refund gone through when will I get my money back',
  refund_initiate: 'I want a refund money back return for a refund',
  status_mystery_fee: 'unexpected fee charge I did not expect service fee mystery charge extra charge on my receipt',
  status_delivery_time: 'when will it be delivered delivery date delivery window morning or evening delivery',
  status_credit_missing: 'credit disappeared credit is gone missing credit promotional credit vanished',
  manage_change_address: 'change my address moved to a new address update the address on my account',
  manage_change_phone: 'change my phone number new phone number update my number',
  manage_extension: 'more time to pay extension on my bill pay later overdue payment',
  manage_dispute_bill: 'charged twice double charge wrong amount on my bill dispute a charge',
  mistimed_billing_never_bought: 'charged for something I never bought never ordered this unauthorized charge',
  promo_code_invalid: 'promo code not working code rejected coupon invalid discount code does not work',
  promo_code_out_of_date: 'promo code expired old coupon code no longer valid',
  out_of_stock_one_item: 'out of stock sold out not available in my size back order',
};
