/* Minor-unit exponents of the ISO 4217 currencies that differ from the usual 2. */
#include "common/currency.h"

#include <stddef.h>
#include <string.h>

int lp_currency_exponent(const char *currency)
{
    static const char *const zero[] = {"BIF", "CLP", "DJF", "GNF", "ISK", "JPY",
                                       "KMF", "KRW", "PYG", "RWF", "UGX", "UYI",
                                       "VND", "VUV", "XAF", "XOF", "XPF"};
    static const char *const three[] = {"BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"};
    for (size_t i = 0; i < sizeof zero / sizeof zero[0]; i++)
        if (strcmp(currency, zero[i]) == 0)
            return 0;
    for (size_t i = 0; i < sizeof three / sizeof three[0]; i++)
        if (strcmp(currency, three[i]) == 0)
            return 3;
    return 2;
}
