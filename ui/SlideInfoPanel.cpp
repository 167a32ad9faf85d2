#include "SlideInfoPanel.h"

#include "common/Error.h"
#include "tasks/TaskRunner.h"

#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace tessera::ui {

SlideInfoPanel::SlideInfoPanel(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_table = new QTableWidget(0, 2, this);
    m_table->setHorizontalHeaderLabels({tr("Property"), tr("Value")});
    // Keys and values whole, scrolling sideways in a narrow dock, never cut in the middle.
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->setWordWrap(false);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_images = new QHBoxLayout;
    layout->addWidget(m_summary);
    layout->addLayout(m_images);
    layout->addWidget(m_table, 1);
}

QString SlideInfoPanel::summaryText() const
{
    return m_summary->text();
}

void SlideInfoPanel::setSlide(const core::SlidePtr& slide)
{
    TaskRunner::instance().cancel(m_loading); // another slide's images are not wanted
    m_loading = 0;
    m_table->setRowCount(0);
    m_shownImages.clear();
    while (QLayoutItem* item = m_images->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    if (!slide) {
        m_summary->setText(tr("No slide open"));
        return;
    }
    const QSize s = slide->size();
    QString summary =
        tr("<b>%1</b><br>%2 × %3 px, %4, %5")
            .arg(QFileInfo(slide->path()).fileName().toHtmlEscaped())
            .arg(s.width())
            .arg(s.height())
            .arg(slide->levelCount() == 1 ? tr("1 level") : tr("%1 levels").arg(slide->levelCount()))
            .arg(slide->vendor());
    if (const auto mpp = slide->micronsPerPixel())
        summary += tr("<br>%1 µm/px (%2 × %3 mm)")
                       .arg(*mpp, 0, 'g', 4)
                       .arg(s.width() * *mpp / 1000, 0, 'f', 1)
                       .arg(s.height() * *mpp / 1000, 0, 'f', 1);
    if (const auto power = slide->objectivePower())
        summary += tr("<br>Objective %1×%2")
                       .arg(*power)
                       .arg(slide->objectivePowerEstimated() ? tr(" (estimated)") : QString());
    // Which reader decodes the pixels, and why the fast one declined (in the tooltip).
    summary += slide->readerName() == QLatin1String("tiff") ? tr("<br>Read by Tessera's TIFF reader")
                                                            : tr("<br>Read by OpenSlide");
    m_summary->setText(summary);
    m_summary->setToolTip(slide->readerFallbackReason());

    const auto& properties = slide->properties();
    m_table->setRowCount(int(properties.size()));
    int row = 0;
    for (auto it = properties.constBegin(); it != properties.constEnd(); ++it, ++row) {
        m_table->setItem(row, 0, new QTableWidgetItem(it.key()));
        auto* value = new QTableWidgetItem(it.value());
        value->setToolTip(it.value());
        m_table->setItem(row, 1, value);
    }

    // Label and macro images are decoded off the GUI thread (a macro can be megapixels).
    const auto read = [slide](TaskControl& control) {
        QList<Thumbnail> thumbnails;
        for (const QString& name : slide->associatedImageNames()) {
            if (name == QLatin1String("thumbnail"))
                continue; // the overview already shows the whole slide
            if (control.isCancelled())
                break;
            try {
                thumbnails.append({name,
                                   slide->associatedImage(name).scaled(120, 120, Qt::KeepAspectRatio,
                                                                       Qt::SmoothTransformation),
                                   {}});
            } catch (const core::Error& error) {
                thumbnails.append({name, {}, error.message()});
            }
        }
        return thumbnails;
    };
    m_loading = TaskRunner::instance().run(this, tr("Reading label and macro images"), read,
                                           [this](TaskResult<QList<Thumbnail>> result) {
                                               if (!result.cancelled)
                                                   showThumbnails(result.value.value_or(QList<Thumbnail>()));
                                           });
}

void SlideInfoPanel::showThumbnails(const QList<Thumbnail>& thumbnails)
{
    for (const Thumbnail& thumbnail : thumbnails) {
        auto* label = new QLabel(this);
        if (thumbnail.error.isEmpty()) {
            label->setPixmap(QPixmap::fromImage(thumbnail.image));
            label->setToolTip(thumbnail.name);
            m_shownImages << thumbnail.name;
        } else {
            label->setText(tr("%1: unreadable").arg(thumbnail.name));
            label->setToolTip(thumbnail.error);
        }
        m_images->addWidget(label);
    }
    m_images->addStretch();
    Q_EMIT associatedImagesShown();
}

} // namespace tessera::ui
