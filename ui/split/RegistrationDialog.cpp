#include "RegistrationDialog.h"

#include "PointPickTool.h"
#include "common/Error.h"
#include "project/Project.h"
#include "project/RegistrationStore.h"
#include "viewer/SlideView.h"
#include "workspace/SplitView.h"
#include "workspace/ViewLink.h"

#include <QDialogButtonBox>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace tessera::ui {

namespace {

QString point(QPointF p)
{
    return QStringLiteral("%1, %2").arg(p.x(), 0, 'f', 0).arg(p.y(), 0, 'f', 0);
}

} // namespace

RegistrationDialog::RegistrationDialog(SplitView* split, std::function<core::Project*()> project,
                                       QWidget* parent)
    : QDialog(parent),
      m_split(split),
      m_fixed(split->paneView(0)),
      m_moving(split->paneView(1)),
      m_project(std::move(project)),
      m_step(new QLabel(this)),
      m_summary(new QLabel(this)),
      m_table(new QTableWidget(0, 4, this))
{
    setWindowTitle(tr("Register %1 onto %2")
                       .arg(QFileInfo(m_moving->slide()->path()).fileName(),
                            QFileInfo(m_fixed->slide()->path()).fileName()));
    m_step->setObjectName(QStringLiteral("registrationStep"));
    m_step->setWordWrap(true);
    m_summary->setObjectName(QStringLiteral("registrationSummary"));
    m_summary->setWordWrap(true);
    m_table->setObjectName(QStringLiteral("registrationPairs"));
    m_table->setHorizontalHeaderLabels({tr("Pair"), tr("View 1 (px)"), tr("View 2 (px)"), tr("Residual")});
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    auto* remove = new QPushButton(tr("&Remove Pair"), this);
    remove->setObjectName(QStringLiteral("removePair"));
    connect(remove, &QPushButton::clicked, this, [this] {
        if (const int row = m_table->currentRow(); row >= 0)
            removePair(row);
    });
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(remove, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_step);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_summary);
    layout->addWidget(buttons);
    resize(520, 420);

    m_fixedTool = new PointPickTool(m_fixed, [this](QPointF p) { pick(true, p); });
    m_movingTool = new PointPickTool(m_moving, [this](QPointF p) { pick(false, p); });
    m_fixed->setTool(m_fixedTool);
    m_moving->setTool(m_movingTool);
    if (core::Project* open = m_project()) {
        try {
            m_pairs = core::readRegistration(*open, m_fixed->slide()->path(), m_moving->slide()->path());
        } catch (const core::Error& error) {
            m_saveProblem = error.message();
        }
    }
    refresh();
}

RegistrationDialog::~RegistrationDialog()
{
    releaseViews();
}

void RegistrationDialog::done(int result)
{
    releaseViews();
    QDialog::done(result);
}

void RegistrationDialog::releaseViews()
{
    // The tools belong to the views; a view that took up another tool since keeps it.
    if (m_fixed && m_fixedTool && m_fixed->tool() == m_fixedTool)
        m_fixed->setTool(nullptr);
    if (m_moving && m_movingTool && m_moving->tool() == m_movingTool)
        m_moving->setTool(nullptr);
    delete m_fixedTool.data();
    delete m_movingTool.data();
}

void RegistrationDialog::pick(bool first, QPointF level0)
{
    if (first) {
        m_waiting = level0;
    } else if (m_waiting) {
        m_pairs.push_back({*m_waiting, level0});
        m_waiting.reset();
        save();
    } else {
        m_step->setText(tr("Click in View 1 first, then the same structure in View 2."));
        return;
    }
    refresh();
}

void RegistrationDialog::removePair(int index)
{
    if (index < 0 || index >= int(m_pairs.size()))
        return;
    m_pairs.erase(m_pairs.begin() + index);
    save();
    refresh();
}

QString RegistrationDialog::inMicrons(double pixels) const
{
    const std::optional<double> mpp = m_moving ? m_moving->slide()->micronsPerPixel() : std::nullopt;
    return mpp ? tr("%1 µm").arg(pixels * *mpp, 0, 'f', 1) : tr("%1 px").arg(pixels, 0, 'f', 1);
}

void RegistrationDialog::refresh()
{
    m_registration.reset();
    QString summary;
    if (int(m_pairs.size()) >= core::AffineRegistration::kMinimumPairs) {
        try {
            m_registration = core::AffineRegistration::fit(m_pairs);
            summary = tr("RMS residual %1 over %n pair(s); the views are linked through the fit.", "",
                         int(m_pairs.size()))
                          .arg(inMicrons(m_registration->rmsResidual));
        } catch (const core::Error& error) {
            summary = error.message();
        }
    } else {
        summary = tr("%n more pair(s) needed to fit the registration.", "",
                     core::AffineRegistration::kMinimumPairs - int(m_pairs.size()));
    }
    m_summary->setText(m_saveProblem.isEmpty() ? summary : summary + QLatin1Char('\n') + m_saveProblem);
    m_step->setText(m_waiting ? tr("Now click the same structure in View 2.")
                              : tr("Click a structure in View 1 (a vessel, a gland, a fold), then the same "
                                   "structure in View 2. A drag pans."));
    m_table->setRowCount(int(m_pairs.size()));
    std::vector<QPointF> fixedPoints, movingPoints;
    for (std::size_t i = 0; i < m_pairs.size(); ++i) {
        const int row = int(i);
        m_table->setItem(row, 0, new QTableWidgetItem(QString::number(row + 1)));
        m_table->setItem(row, 1, new QTableWidgetItem(point(m_pairs[i].from)));
        m_table->setItem(row, 2, new QTableWidgetItem(point(m_pairs[i].to)));
        m_table->setItem(
            row, 3,
            new QTableWidgetItem(m_registration ? inMicrons(m_registration->residuals[i]) : QString()));
        fixedPoints.push_back(m_pairs[i].from);
        movingPoints.push_back(m_pairs[i].to);
    }
    if (m_fixedTool)
        m_fixedTool->setMarkers(fixedPoints, m_waiting);
    if (m_movingTool)
        m_movingTool->setMarkers(movingPoints, std::nullopt);
    if (m_split && m_moving)
        m_split->link().setPlacement(m_moving, m_registration ? m_registration->transform : QTransform());
    Q_EMIT registrationChanged();
}

void RegistrationDialog::save()
{
    core::Project* open = m_project();
    m_saveProblem.clear();
    if (!open || !m_fixed || !m_moving)
        return;
    try {
        core::writeRegistration(*open, m_fixed->slide()->path(), m_moving->slide()->path(), m_pairs);
    } catch (const core::Error& error) {
        m_saveProblem = error.message(); // the pairs stay here; the link works without them kept
    }
}

} // namespace tessera::ui
