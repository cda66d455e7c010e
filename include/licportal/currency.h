/* ISO 4217 currencies: how many minor units a major unit has. */
#ifndef LICPORTAL_CURRENCY_H
#define LICPORTAL_CURRENCY_H

/* The number of decimals of `currency` (JPY 0, KWD/BHD 3, most others 2). */
int lp_currency_exponent(const char *currency);

#endif
