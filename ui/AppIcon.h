// The application icon, rendered from its SVG source at any size.
#pragma once

#include <QIcon>
#include <QImage>

namespace tessera::ui {

QImage renderAppIcon(int size);
QIcon appIcon();

} // namespace tessera::ui
