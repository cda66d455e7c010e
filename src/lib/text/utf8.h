/* The library's UTF-8 functions, by their older include path: see licportal/text.h. */
#ifndef LICPORTAL_LIB_TEXT_UTF8_H
#define LICPORTAL_LIB_TEXT_UTF8_H

#include "licportal/text.h"

#endif
