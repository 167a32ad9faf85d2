// The file-dialog filter for whole-slide images, shared by every dialog that picks slides.
#pragma once

#include <QString>

namespace tessera::ui {

QString slideFileFilter();

} // namespace tessera::ui
