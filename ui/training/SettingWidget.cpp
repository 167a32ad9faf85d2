#include "SettingWidget.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QSpinBox>
#include <cmath>

namespace tessera::ui {

namespace {
// Spin boxes need finite bounds; an unbounded setting gets a generous one.
constexpr double kWidestNumber = 1e6;
constexpr int kWidestInteger = 1 << 30;
} // namespace

QWidget* makeSettingWidget(const core::TrainSetting& s, QWidget* parent)
{
    switch (core::settingType(s)) {
    case core::SettingType::Integer: {
        auto* box = new QSpinBox(parent);
        const double low = std::isfinite(s.minimum) ? s.minimum + (s.minimumOpen ? 1 : 0) : -kWidestInteger;
        const double high = std::min(s.maximum - (s.maximumOpen ? 1 : 0), double(kWidestInteger));
        box->setRange(int(low), int(high));
        if (!s.unit.isEmpty())
            box->setSuffix(QLatin1Char(' ') + s.unit);
        return box;
    }
    case core::SettingType::Number: {
        auto* box = new QDoubleSpinBox(parent);
        box->setDecimals(s.decimals);
        // An open bound is kept out by the smallest step the box shows.
        const double tick = std::pow(10.0, -s.decimals);
        box->setRange(std::isfinite(s.minimum) ? s.minimum + (s.minimumOpen ? tick : 0) : -kWidestNumber,
                      std::isfinite(s.maximum) ? s.maximum - (s.maximumOpen ? tick : 0) : kWidestNumber);
        box->setSingleStep(s.step);
        return box;
    }
    case core::SettingType::Switch:
        return new QCheckBox(parent);
    case core::SettingType::Choice: {
        auto* box = new QComboBox(parent);
        for (const QString& choice : s.choices)
            box->addItem(choice, choice);
        return box;
    }
    case core::SettingType::Text:
        break;
    }
    return nullptr;
}

void setSettingWidgetValue(QWidget* widget, const QVariant& value)
{
    if (auto* box = qobject_cast<QSpinBox*>(widget))
        box->setValue(value.toInt());
    else if (auto* decimal = qobject_cast<QDoubleSpinBox*>(widget))
        decimal->setValue(value.toDouble());
    else if (auto* check = qobject_cast<QCheckBox*>(widget))
        check->setChecked(value.toBool());
    else if (auto* choice = qobject_cast<QComboBox*>(widget); choice && choice->findData(value) >= 0)
        choice->setCurrentIndex(choice->findData(value));
}

QVariant widgetValue(const QWidget* widget)
{
    if (const auto* box = qobject_cast<const QSpinBox*>(widget))
        return box->value();
    if (const auto* decimal = qobject_cast<const QDoubleSpinBox*>(widget))
        return decimal->value();
    if (const auto* check = qobject_cast<const QCheckBox*>(widget))
        return check->isChecked();
    if (const auto* choice = qobject_cast<const QComboBox*>(widget))
        return choice->currentData();
    return {};
}

QVariant settingWidgetValue(const core::TrainSetting& setting, const QWidget* widget)
{
    const QVariant value = widgetValue(widget);
    // A seed is 64-bit: the spin box's int, widened.
    return std::holds_alternative<std::uint64_t core::TrainConfig::*>(setting.field)
               ? QVariant(value.toULongLong())
               : value;
}

} // namespace tessera::ui
