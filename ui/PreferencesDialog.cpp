#include "PreferencesDialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QSettings>
#include <QSpinBox>

namespace tessera::ui {

namespace {
const QString kTileCacheKey = QStringLiteral("viewer/tileCacheMiB");
constexpr int kMinCacheMiB = 64;
constexpr int kMaxCacheMiB = 64 * 1024;
} // namespace

Preferences Preferences::load()
{
    Preferences p;
    p.tileCacheMiB =
        std::clamp(QSettings().value(kTileCacheKey, p.tileCacheMiB).toInt(), kMinCacheMiB, kMaxCacheMiB);
    return p;
}

void Preferences::save() const
{
    QSettings().setValue(kTileCacheKey, tileCacheMiB);
}

PreferencesDialog::PreferencesDialog(const Preferences& current, QWidget* parent) : QDialog(parent)
{
    setWindowTitle(tr("Preferences"));
    auto* form = new QFormLayout(this);
    m_tileCache = new QSpinBox(this);
    m_tileCache->setRange(kMinCacheMiB, kMaxCacheMiB);
    m_tileCache->setSingleStep(128);
    m_tileCache->setSuffix(tr(" MiB"));
    m_tileCache->setValue(current.tileCacheMiB);
    m_tileCache->setToolTip(tr("Memory for decoded slide tiles, shared by all open slides. "
                               "More memory means less re-reading when you pan back."));
    form->addRow(tr("Tile cache:"), m_tileCache);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
}

Preferences PreferencesDialog::preferences() const
{
    Preferences p;
    p.tileCacheMiB = m_tileCache->value();
    return p;
}

} // namespace tessera::ui
