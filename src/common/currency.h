/* ISO 4217 currencies: how many minor units a major unit has (the client formats prices, the server parses them). */
#ifndef LP_COMMON_CURRENCY_H
#define LP_COMMON_CURRENCY_H

/* The number of decimals of `currency` (JPY 0, KWD/BHD 3, most others 2). */
int lp_currency_exponent(const char *currency);

#endif
