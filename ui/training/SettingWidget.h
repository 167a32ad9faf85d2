// The form widget of one training setting, made from its row in core::trainSettings(): a spin box
// for integers and numbers (range and decimals from the row), a check box for on/off, a combo box
// for choices. Reads and writes the setting's value as core's QVariant.
#pragma once

#include "model/TrainSettings.h"

class QWidget;

namespace tessera::ui {

// nullptr for free text (device, parent run), which the dialog offers as its own choices.
QWidget* makeSettingWidget(const core::TrainSetting& setting, QWidget* parent);
void setSettingWidgetValue(QWidget* widget, const QVariant& value);
QVariant settingWidgetValue(const core::TrainSetting& setting, const QWidget* widget);
// What a spin box, check box or list holds (its current data), for any form field; invalid for
// other widgets.
QVariant widgetValue(const QWidget* widget);

} // namespace tessera::ui
