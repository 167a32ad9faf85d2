// The name a slide goes by in a project, in feature and prediction file names: the file's name
// without its suffix — except for DICOM, whose instances are named by level or UID, where it is
// the series folder's name.
#pragma once

#include <QString>

namespace tessera::core {

QString slideKey(const QString& slidePath);

} // namespace tessera::core
