// Help ▸ About: the version and the versions of the libraries Tessera runs on.
#pragma once

#include <QCoreApplication>

class QWidget;

namespace tessera::ui {

class AboutBox {
    Q_DECLARE_TR_FUNCTIONS(AboutBox)
public:
    static void show(QWidget* parent);
};

} // namespace tessera::ui
