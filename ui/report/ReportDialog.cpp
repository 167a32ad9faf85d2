#include "ReportDialog.h"

#include "tasks/TaskRunner.h"

#include "common/Error.h"
#include "project/Project.h"
#include "report/ReportDocument.h"
#include "report/SlideReport.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QUrl>

namespace tessera::ui {

ReportDialog::ReportDialog(core::Project& project, const QString& slidePath,
                           const core::HeatmapSettings& heatmaps, QWidget* parent)
    : QDialog(parent),
      m_project(project),
      m_heatmaps(heatmaps),
      m_run(new QComboBox(this)),
      m_author(new QLineEdit(this)),
      m_institution(new QLineEdit(this)),
      m_page(new QComboBox(this)),
      m_cropMpp(new QDoubleSpinBox(this)),
      m_topPatches(new QSpinBox(this)),
      m_findings(new QPlainTextEdit(this)),
      m_pdf(new QLineEdit(this)),
      m_writeCsv(
          new QCheckBox(tr("Also write the CSVs (annotations, top patches, per-class summary)"), this)),
      m_preview(new QLabel(this)),
      m_problem(new QLabel(this))
{
    setWindowTitle(tr("Export Report"));
    const qint64 slideId = project.annotations().slideIdFor(slidePath);
    for (const core::SlideRecord& s : project.slides().list())
        if (s.id == slideId)
            m_slideKey = s.key;
    const QSettings settings;
    m_run->addItem(tr("Latest prediction for this slide"), QString());
    for (const core::RunRecord& r : project.runs().list())
        m_run->addItem(QStringLiteral("%1 (%2)").arg(r.name, r.model), r.name);
    m_author->setText(
        settings.value(QStringLiteral("report/author"), qEnvironmentVariable("USER")).toString());
    m_institution->setText(settings.value(QStringLiteral("report/institution")).toString());
    m_page->addItem(QStringLiteral("A4"), int(QPageSize::A4));
    m_page->addItem(QStringLiteral("Letter"), int(QPageSize::Letter));
    m_page->setCurrentIndex(
        m_page->findData(settings.value(QStringLiteral("report/page"), int(QPageSize::A4)).toInt()));
    m_cropMpp->setRange(0.1, 20);
    m_cropMpp->setDecimals(2);
    m_cropMpp->setSuffix(tr(" µm/px"));
    m_cropMpp->setToolTip(tr("Resolution of the crops: 0.25 ≈ 40×, 0.5 ≈ 20×, 1 ≈ 10×"));
    m_cropMpp->setValue(settings.value(QStringLiteral("report/crop_mpp"), 1.0).toDouble());
    m_topPatches->setRange(0, 24);
    m_topPatches->setValue(settings.value(QStringLiteral("report/top_patches"), 6).toInt());
    m_findings->setPlainText(core::lastFindings(project, slideId));
    m_findings->setPlaceholderText(tr("What you concluded (any language; kept in the project)"));
    const QString folder =
        settings.value(QStringLiteral("report/folder"), project.folder() + QStringLiteral("/reports"))
            .toString();
    m_pdf->setText(QDir(folder).filePath(m_slideKey + QStringLiteral(".pdf")));
    m_writeCsv->setChecked(settings.value(QStringLiteral("report/csv"), false).toBool());
    m_preview->setMinimumSize(300, 424);
    m_preview->setAlignment(Qt::AlignCenter);
    m_preview->setStyleSheet(QStringLiteral("background: #888"));
    m_problem->setStyleSheet(QStringLiteral("color: #b00020"));
    m_problem->setWordWrap(true);

    auto* form = new QFormLayout;
    form->addRow(tr("Model results:"), m_run);
    form->addRow(tr("Author:"), m_author);
    form->addRow(tr("Institution:"), m_institution);
    form->addRow(tr("Page:"), m_page);
    form->addRow(tr("Crops at:"), m_cropMpp);
    form->addRow(tr("Top-attention crops:"), m_topPatches);
    form->addRow(tr("Findings:"), m_findings);
    auto* fileRow = new QHBoxLayout;
    fileRow->addWidget(m_pdf, 1);
    auto* browse = new QPushButton(tr("Browse…"), this);
    fileRow->addWidget(browse);
    form->addRow(tr("PDF:"), fileRow);
    form->addRow(QString(), m_writeCsv);
    form->addRow(m_problem);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    buttons->addButton(tr("Export"), QDialogButtonBox::AcceptRole)->setObjectName(QStringLiteral("export"));
    form->addRow(buttons);
    auto* columns = new QHBoxLayout(this);
    columns->addLayout(form, 1);
    columns->addWidget(m_preview);

    m_previewTimer.setSingleShot(true);
    m_previewTimer.setInterval(400);
    connect(&m_previewTimer, &QTimer::timeout, this, &ReportDialog::updatePreview);
    for (QLineEdit* edit : {m_author, m_institution})
        connect(edit, &QLineEdit::textChanged, &m_previewTimer, qOverload<>(&QTimer::start));
    connect(m_findings, &QPlainTextEdit::textChanged, &m_previewTimer, qOverload<>(&QTimer::start));
    connect(m_page, &QComboBox::currentIndexChanged, &m_previewTimer, qOverload<>(&QTimer::start));
    connect(m_run, &QComboBox::currentIndexChanged, this, &ReportDialog::regather);
    for (QAbstractSpinBox* box :
         {static_cast<QAbstractSpinBox*>(m_cropMpp), static_cast<QAbstractSpinBox*>(m_topPatches)})
        connect(box, &QAbstractSpinBox::editingFinished, this, &ReportDialog::regather);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path =
            QFileDialog::getSaveFileName(this, tr("Report"), m_pdf->text(), tr("PDF (*.pdf)"));
        if (!path.isEmpty())
            m_pdf->setText(path);
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_buttons = buttons;
    connect(buttons, &QDialogButtonBox::accepted, this, &ReportDialog::startExport);
    regather();
}

void ReportDialog::showExported(QWidget* parent, const QString& message, const QString& pdf)
{
    auto* box =
        new QMessageBox(QMessageBox::Information, tr("Export Report"), message, QMessageBox::Close, parent);
    box->setObjectName(QStringLiteral("reportExported"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton* open = box->addButton(tr("Open PDF"), QMessageBox::AcceptRole);
    QPushButton* folder = box->addButton(tr("Show in Folder"), QMessageBox::ActionRole);
    box->setDefaultButton(open);
    connect(box, &QMessageBox::buttonClicked, box, [open, folder, pdf](QAbstractButton* button) {
        if (button == open)
            QDesktopServices::openUrl(QUrl::fromLocalFile(pdf));
        else if (button == folder)
            QDesktopServices::openUrl(QUrl::fromLocalFile(QFileInfo(pdf).absolutePath()));
    });
    box->open(); // not modal to the application: the viewer keeps running
}

core::ReportRequest ReportDialog::request() const
{
    core::ReportRequest r;
    r.slide = m_slideKey;
    r.run = m_run->currentData().toString();
    r.author = m_author->text().trimmed();
    r.institution = m_institution->text().trimmed();
    r.findings = m_findings->toPlainText();
    r.page = QPageSize::PageSizeId(m_page->currentData().toInt());
    r.cropMicronsPerPixel = m_cropMpp->value();
    r.topPatches = m_topPatches->value();
    r.heatmaps = m_heatmaps;
    return r;
}

QString ReportDialog::pdfPath() const
{
    return m_pdf->text().trimmed();
}

QString ReportDialog::csvFolder() const
{
    return m_writeCsv->isChecked() ? QFileInfo(pdfPath()).absolutePath() : QString();
}

void ReportDialog::regather()
{
    // Reading the slide, the prediction and the crops takes a second or two: in the background,
    // on the task's own database connection. A newer request replaces an older one.
    TaskRunner::instance().cancel(m_gathering);
    m_preview->setText(tr("Gathering…"));
    m_gathering = TaskRunner::instance().run(
        this, tr("Gathering the report"),
        [folder = m_project.folder(), request = request()](TaskControl&) {
            return core::gatherReport(*core::Project::open(folder), request);
        },
        [this](TaskResult<core::ReportContent> gathered) {
            if (gathered.cancelled)
                return;
            m_gathering = 0;
            if (gathered.ok()) {
                m_content = std::move(*gathered.value);
                m_problem->clear();
            } else {
                m_content.reset();
                m_problem->setText(gathered.error);
            }
            updatePreview();
        });
}

void ReportDialog::updatePreview()
{
    if (!m_content) {
        m_preview->setText(tr("No preview"));
        return;
    }
    const core::ReportRequest r = request();
    m_content->findings = r.findings;
    m_content->author = r.author;
    m_content->institution = r.institution;
    m_content->page = r.page;
    // The first page, drawn in the background; typing meanwhile asks for a newer one.
    TaskRunner::instance().cancel(m_rendering);
    m_rendering = TaskRunner::instance().run(
        this, tr("Drawing the report preview"),
        [content = *m_content](TaskControl&) { return core::ReportDocument(content).renderPage(0, 60); },
        [this](TaskResult<QImage> page) {
            if (page.cancelled || !page.ok())
                return;
            m_preview->setPixmap(
                QPixmap::fromImage(*page.value)
                    .scaled(m_preview->size(), Qt::KeepAspectRatio, Qt::SmoothTransformation));
            ++m_previewRevision;
        });
}

bool ReportDialog::isBusy() const
{
    return m_gathering != 0 || TaskRunner::instance().isRunning(m_rendering) ||
           TaskRunner::instance().isRunning(m_exporting);
}

void ReportDialog::remember() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("report/author"), m_author->text().trimmed());
    settings.setValue(QStringLiteral("report/institution"), m_institution->text().trimmed());
    settings.setValue(QStringLiteral("report/page"), m_page->currentData());
    settings.setValue(QStringLiteral("report/crop_mpp"), m_cropMpp->value());
    settings.setValue(QStringLiteral("report/top_patches"), m_topPatches->value());
    settings.setValue(QStringLiteral("report/folder"), QFileInfo(pdfPath()).absolutePath());
    settings.setValue(QStringLiteral("report/csv"), m_writeCsv->isChecked());
}

namespace {
QString describeOutput(const core::ReportOutput& out)
{
    QString done = ReportDialog::tr("%1 written (%n page(s)).", nullptr, out.pages).arg(out.pdf);
    if (!out.csvs.isEmpty())
        done += QLatin1Char('\n') + ReportDialog::tr("CSVs: %1").arg(out.csvs.join(QStringLiteral(", ")));
    if (!out.omitted.isEmpty())
        done +=
            QLatin1Char('\n') + ReportDialog::tr("Not included: %1").arg(out.omitted.join(QLatin1Char(' ')));
    return done;
}
} // namespace

void ReportDialog::checkOutputFolder() const
{
    const QString path = pdfPath();
    if (path.isEmpty())
        throw core::Error(tr("Choose where to write the PDF."));
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        throw core::Error(tr("%1: the folder cannot be created").arg(QFileInfo(path).absolutePath()));
}

QString ReportDialog::exportReport()
{
    checkOutputFolder();
    remember();
    return describeOutput(core::writeSlideReport(m_project, request(), pdfPath(), csvFolder()));
}

void ReportDialog::startExport()
{
    try {
        checkOutputFolder();
    } catch (const core::Error& e) {
        m_problem->setText(e.message()); // the dialog stays open: fix and try again
        return;
    }
    remember();
    m_buttons->setEnabled(false);
    m_problem->setText(tr("Writing %1…").arg(pdfPath()));
    const QString pdf = QFileInfo(pdfPath()).absoluteFilePath();
    m_exporting = TaskRunner::instance().run(
        this, tr("Exporting the report"),
        [folder = m_project.folder(), request = request(), pdf, csv = csvFolder()](TaskControl&) {
            return core::writeSlideReport(*core::Project::open(folder), request, pdf, csv);
        },
        [this, pdf](TaskResult<core::ReportOutput> written) {
            m_buttons->setEnabled(true);
            if (!written.ok()) {
                m_problem->setText(written.error);
                return;
            }
            m_problem->clear();
            const QString message = describeOutput(*written.value);
            Q_EMIT exported(message);
            accept();
            showExported(parentWidget(), message, pdf);
        });
}

} // namespace tessera::ui
