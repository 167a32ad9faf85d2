#include "Translations.h"

#include <QCoreApplication>
#include <QTranslator>

namespace tessera::ui {

QTranslator* installTranslation(const QLocale& locale)
{
    auto* translator = new QTranslator(QCoreApplication::instance());
    // qt_add_translations() embeds tessera_<lang>.qm under :/i18n.
    if (translator->load(locale, QStringLiteral("tessera"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        QCoreApplication::installTranslator(translator);
        return translator;
    }
    delete translator;
    return nullptr;
}

} // namespace tessera::ui
