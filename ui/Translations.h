// Installs the translation for a locale from the catalogues compiled into the binary.
#pragma once

#include <QLocale>

class QTranslator;

namespace tessera::ui {

// Returns the installed translator (owned by qApp), or nullptr when Tessera has no
// catalogue for the locale (the English source strings are used then).
QTranslator* installTranslation(const QLocale& locale);

} // namespace tessera::ui
