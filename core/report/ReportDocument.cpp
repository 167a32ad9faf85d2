#include "ReportDocument.h"

#include "common/AtomicFile.h"
#include "common/Error.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QCoreApplication>
#include <QFileInfo>
#include <QLocale>
#include <QObject>
#include <QPainter>
#include <QPdfWriter>
#include <QTextBlock>
#include <QUrl>

#include <cmath>

namespace tessera::core {

namespace {

QString esc(const QString& text)
{
    return text.toHtmlEscaped();
}

QString row(const QString& label, const QString& value)
{
    return QStringLiteral("<tr><td style=\"color:#555;padding-right:12px\">%1</td><td>%2</td></tr>")
        .arg(esc(label), esc(value));
}

QString number(double v, int decimals)
{
    return QLocale().toString(v, 'f', decimals);
}

// How the slide compares with the run's training slides: each score, against what, and why.
QString trustSection(const ReportContent& c)
{
    QString html = QStringLiteral("<h3>%1</h3>").arg(esc(QObject::tr("Training data check")));
    if (!c.ood.isJudged())
        return html + QStringLiteral("<p><i>%1</i></p>")
                          .arg(esc(c.trustNote.isEmpty() ? c.ood.badge() : c.trustNote));
    html += QStringLiteral("<p%1><b>%2</b></p>")
                .arg(c.ood.flagged ? QStringLiteral(" style=\"color:#b00020\"") : QString(),
                     esc(c.ood.summary()));
    html +=
        QStringLiteral("<table border=\"0.5\" cellpadding=\"3\" cellspacing=\"0\"><tr><th>%1</th><th>%2</th>"
                       "<th>%3</th><th>%4</th><th>%5</th></tr>")
            .arg(esc(QObject::tr("Score")), esc(QObject::tr("This slide")), esc(QObject::tr("Typical")),
                 esc(QObject::tr("Spread")), esc(QObject::tr("Spreads above typical")));
    for (const OodPart& p : c.ood.parts)
        html +=
            QStringLiteral("<tr><td>%1</td><td align=\"right\">%2</td><td align=\"right\">%3</td>"
                           "<td align=\"right\">%4</td><td align=\"right\">%5</td></tr>")
                .arg(esc(OodPart::nameOf(p.key)),
                     p.available() ? number(p.value, 3) : esc(QObject::tr("not measured")),
                     number(p.typical, 3), number(p.spread, 3), p.available() ? number(p.z, 1) : QString());
    html += QStringLiteral("</table><ul>");
    for (const OodPart& p : c.ood.parts)
        html += QStringLiteral("<li>%1: %2</li>")
                    .arg(esc(OodPart::nameOf(p.key)), esc(OodPart::meaningOf(p.key)));
    html += QStringLiteral("</ul><p style=\"color:#444\">%1</p>")
                .arg(esc(QObject::tr("Compared with %1 of the run. Flagged above %2: %3.")
                             .arg(c.ood.reference, number(c.ood.threshold, 1), c.ood.thresholdRule)));
    return html;
}

// Margins of the page, in millimetres.
constexpr double kMarginMm = 16;
constexpr double kFooterMm = 10;
// The printed width of a heatmap legend: its 12-pixel text on a 280-pixel card prints at 8.5 pt.
constexpr double kLegendMm = 70;

} // namespace

ReportDocument::ReportDocument(const ReportContent& content) : m_content(content) {}

ReportDocument::~ReportDocument() = default;

void ReportDocument::layOut(QPaintDevice* device, QSizeF pagePixels, int dpi)
{
    const ReportContent& c = m_content;
    m_document = std::make_unique<QTextDocument>();
    m_document->documentLayout()->setPaintDevice(device);
    const double mm = dpi / 25.4;
    m_footerHeight = kFooterMm * mm;
    const QSizeF body(pagePixels.width() - 2 * kMarginMm * mm,
                      pagePixels.height() - 2 * kMarginMm * mm - m_footerHeight);
    m_document->setPageSize(body);
    m_document->setDocumentMargin(0);
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPointSizeF(9.5);
    // Any letter spacing turns ligatures off: "ff" stays two letters, so the PDF's text is found
    // by search and copies as typed.
    font.setLetterSpacing(QFont::AbsoluteSpacing, 0.1);
    m_document->setDefaultFont(font);
    const double width = body.width();
    int imageId = 0;
    // Images are sized to fit within their share of a page: QTextDocument does not move an
    // image that would straddle a page break to the next page, so sections start on new pages
    // (page-break-before) and keep to their height.
    const auto image = [&](const QImage& picture, double fraction, double maxHeight = 0.45) {
        const QString name = QStringLiteral("image%1").arg(imageId++);
        m_document->addResource(QTextDocument::ImageResource, QUrl(name), picture);
        const double aspect = double(picture.height()) / std::max(1, picture.width());
        const double w = std::min(width * fraction, body.height() * maxHeight / aspect);
        const double h = w * aspect;
        // <img> sizes are CSS pixels (1/96 in); the layout scales them to the device's resolution.
        const double css = 96.0 / dpi;
        return QStringLiteral("<img src=\"%1\" width=\"%2\" height=\"%3\">")
            .arg(name)
            .arg(int(w * css))
            .arg(int(h * css));
    };
    // A legend keeps its printed width whatever the map's shape, so that its text stays readable
    // (≥ 7 pt on paper).
    const auto legend = [&](const QImage& picture) {
        return picture.isNull() ? QString() : image(picture, kLegendMm * mm / width, 0.2);
    };
    const QString unitArea = c.inMicrons ? QObject::tr("µm²") : QObject::tr("px²");
    const QString unitLength = c.inMicrons ? QObject::tr("µm") : QObject::tr("px");

    QString html = QStringLiteral("<html><body>");
    html += QStringLiteral("<h1 style=\"font-size:16pt\">%1</h1>")
                .arg(esc(QObject::tr("Slide report: %1").arg(c.slideKey)));
    if (!c.institution.isEmpty())
        html += QStringLiteral("<p>%1</p>").arg(esc(c.institution));
    // A prediction on a slide unlike the training slides is flagged before anything else.
    if (!c.runName.isEmpty() && c.ood.flagged)
        html +=
            QStringLiteral("<table border=\"1\" cellpadding=\"6\" cellspacing=\"0\" width=\"100%\" "
                           "style=\"border-color:#b00020\"><tr><td style=\"color:#b00020\"><b>%1</b><br>%2"
                           "</td></tr></table><p></p>")
                .arg(esc(QObject::tr("Warning: this slide is unlike the slides the model was trained on. "
                                     "Do not rely on its prediction.")),
                     esc(c.ood.summary()));
    html += QStringLiteral("<table>");
    html += row(QObject::tr("Slide"), c.slideKey);
    html += row(QObject::tr("File"), c.slideFile);
    html += row(QObject::tr("Fingerprint"), c.fingerprint);
    html += row(QObject::tr("Scanner"), c.vendor);
    html += row(QObject::tr("Microns per pixel"), c.micronsPerPixel);
    html += row(QObject::tr("Objective"), c.objective);
    html += row(QObject::tr("Date"), c.date);
    html += row(QObject::tr("Author"), c.author.isEmpty() ? QObject::tr("not given") : c.author);
    html += row(QObject::tr("Tessera"), c.version);
    if (!c.runName.isEmpty())
        html += row(QObject::tr("Training data check"), c.ood.badge());
    html += QStringLiteral("</table>");

    html += QStringLiteral("<h2>%1</h2>").arg(esc(QObject::tr("Slide overview")));
    // The warning box takes room: the overview gives it up, so that page 1 still holds the findings.
    html += QStringLiteral("<p>%1</p>").arg(image(c.overview, 0.9, c.ood.flagged ? 0.48 : 0.55));

    // The findings and what the report leaves out follow the overview on page 1: they are what a
    // reader needs before the figures, and a short closing section can never end up alone on the
    // last page. Text flows on to the next page; only images must fit where they start.
    html += QStringLiteral("<h2>%1</h2>").arg(esc(QObject::tr("Findings")));
    if (c.findings.trimmed().isEmpty()) {
        html += QStringLiteral("<p><i>%1</i></p>").arg(esc(QObject::tr("None written.")));
    } else {
        for (const QString& paragraph : c.findings.split(QLatin1Char('\n')))
            html += QStringLiteral("<p dir=\"%1\">%2</p>")
                        .arg(paragraph.isRightToLeft() ? QStringLiteral("rtl") : QStringLiteral("ltr"),
                             esc(paragraph));
    }
    if (!c.omitted.isEmpty()) {
        html += QStringLiteral("<h3>%1</h3><ul>").arg(esc(QObject::tr("Not in this report")));
        for (const QString& o : c.omitted)
            html += QStringLiteral("<li>%1</li>").arg(esc(o));
        html += QStringLiteral("</ul>");
    }

    const QString newPage = QStringLiteral(" style=\"page-break-before:always\"");
    html += QStringLiteral("<h2%1>%2</h2>").arg(newPage, esc(QObject::tr("Model results")));
    if (c.runName.isEmpty()) {
        html += QStringLiteral("<p><i>%1</i></p>")
                    .arg(esc(QObject::tr("No model results: this section is left out.")));
    } else {
        html +=
            QStringLiteral("<p><b>%1</b></p>").arg(esc(QObject::tr("Predicted class: %1").arg(c.predicted)));
        if (c.ood.flagged)
            html += QStringLiteral("<p style=\"color:#b00020\">%1</p>")
                        .arg(esc(QObject::tr("Not to be trusted: the slide is unlike the training data "
                                             "(see Training data check below).")));
        const bool spread = !c.probabilitySpread.empty();
        html +=
            QStringLiteral(
                "<table border=\"0.5\" cellpadding=\"3\" cellspacing=\"0\"><tr><th>%1</th><th>%2</th>%3"
                "</tr>")
                .arg(esc(QObject::tr("Class")), esc(QObject::tr("Probability")),
                     spread ? QStringLiteral("<th>%1</th>").arg(esc(QObject::tr("Spread over folds (SD)")))
                            : QString());
        for (int i = 0; i < c.classes.size() && size_t(i) < c.probabilities.size(); ++i)
            html += QStringLiteral("<tr><td>%1</td><td align=\"right\">%2</td>%3</tr>")
                        .arg(esc(c.classes[i]), number(c.probabilities[size_t(i)], 3),
                             spread && size_t(i) < c.probabilitySpread.size()
                                 ? QStringLiteral("<td align=\"right\">%1</td>")
                                       .arg(number(c.probabilitySpread[size_t(i)], 3))
                                 : QString());
        html += QStringLiteral("</table><p></p><table>");
        html += row(QObject::tr("Model"), c.model);
        html += row(QObject::tr("Run"), c.runName);
        if (c.members > 1)
            html += row(QObject::tr("Ensemble"),
                        QObject::tr("%1 cross-validation folds; probabilities and maps are their means")
                            .arg(c.members));
        html += row(QObject::tr("Trained"), c.runDate);
        html += row(QObject::tr("Fine-tuned from"), c.parentRun);
        html += row(QObject::tr("Features"), c.extractor);
        html += row(QObject::tr("Calibration"),
                    c.members > 1 && c.temperature != 1.0
                        ? QObject::tr("temperature scaling, each fold with its own temperature")
                    : c.temperature != 1.0
                        ? QObject::tr("temperature scaling, T = %1").arg(number(c.temperature, 3))
                        : QObject::tr("none (probabilities as the model gives them)"));
        html += QStringLiteral("</table>");
        html += trustSection(c);
        // After the training data check's table the map no longer fits below: it starts a page.
        const auto map = [&](const QString& pageBreak, const QString& title, const QImage& picture,
                             const QImage& key, const QString& caption) {
            if (!picture.isNull())
                html += QStringLiteral("<h3%1>%2</h3><p>%3<br>%4</p><p style=\"color:#444\">%5</p>")
                            .arg(pageBreak, esc(title), image(picture, 0.8, 0.40), legend(key), esc(caption));
        };
        map(c.ood.isJudged() ? newPage : QString(), QObject::tr("Attention"), c.attentionMap,
            c.attentionLegend, c.attentionCaption);
        map(newPage, QObject::tr("Evidence"), c.evidenceMap, c.evidenceLegend, c.evidenceCaption);
        map(newPage, QObject::tr("Reconstruction consistency"), c.consistencyMap, c.consistencyLegend,
            c.consistencyCaption);
        map(newPage, QObject::tr("Uncertainty"), c.uncertaintyMap, c.uncertaintyLegend, c.uncertaintyCaption);
    }

    html += QStringLiteral("<h2>%1</h2>").arg(esc(QObject::tr("Regions")));
    if (c.annotations.empty()) {
        html += QStringLiteral("<p><i>%1</i></p>").arg(esc(QObject::tr("No annotations on this slide.")));
    } else {
        html += QStringLiteral(
                    "<table border=\"0.5\" cellpadding=\"3\" cellspacing=\"0\"><tr><th>#</th><th>%1</th>"
                    "<th>%2</th><th>%3</th><th>%4</th><th>%5</th></tr>")
                    .arg(esc(QObject::tr("Class")), esc(QObject::tr("Shape")),
                         esc(QObject::tr("Area (%1)").arg(unitArea)),
                         esc(QObject::tr("Perimeter (%1)").arg(unitLength)),
                         esc(QObject::tr("Mean attention (percentile)")));
        for (size_t i = 0; i < c.annotations.size(); ++i) {
            const ReportAnnotationRow& a = c.annotations[i];
            html += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td align=\"right\">%4</td>"
                                   "<td align=\"right\">%5</td><td align=\"right\">%6</td></tr>")
                        .arg(i + 1)
                        .arg(esc(a.className), esc(a.shape), number(a.area, c.inMicrons ? 1 : 0),
                             number(a.perimeter, 1),
                             a.meanAttention ? number(*a.meanAttention, 1) : QStringLiteral("–"));
        }
        html += QStringLiteral("</table><h3>%1</h3>").arg(esc(QObject::tr("Per class")));
        html += QStringLiteral(
                    "<table border=\"0.5\" cellpadding=\"3\" cellspacing=\"0\"><tr><th>%1</th><th>%2</th>"
                    "<th>%3</th></tr>")
                    .arg(esc(QObject::tr("Class")), esc(QObject::tr("Count")),
                         esc(QObject::tr("Total area (%1)").arg(unitArea)));
        for (const ClassSummary& s : c.classSummary)
            html +=
                QStringLiteral("<tr><td>%1</td><td align=\"right\">%2</td><td align=\"right\">%3</td></tr>")
                    .arg(esc(s.className.isEmpty() ? QObject::tr("Unclassified") : s.className))
                    .arg(s.count)
                    .arg(number(s.area, c.inMicrons ? 1 : 0));
        html += QStringLiteral("</table>");
    }
    if (!c.crops.empty()) {
        html +=
            QStringLiteral("<h2%1>%2</h2><table cellpadding=\"4\">").arg(newPage, esc(QObject::tr("Crops")));
        for (size_t i = 0; i < c.crops.size(); i += 2) {
            html += QStringLiteral("<tr>");
            for (size_t j = i; j < std::min(i + 2, c.crops.size()); ++j)
                html += QStringLiteral("<td>%1<br>%2</td>")
                            .arg(image(c.crops[j].image, 0.45, 0.26), esc(c.crops[j].caption));
            html += QStringLiteral("</tr>");
        }
        html += QStringLiteral("</table>");
    }
    html += QStringLiteral("</body></html>");
    m_document->setHtml(html);
}

void ReportDocument::paintPage(QPainter& painter, int page, QSizeF pagePixels, QRectF body, int pages)
{
    painter.save();
    painter.translate(body.left(), body.top() - page * body.height());
    m_document->drawContents(&painter, QRectF(0, page * body.height(), body.width(), body.height()));
    painter.restore();
    painter.save();
    QFont font = m_document->defaultFont();
    font.setPointSizeF(7.5);
    painter.setFont(font);
    painter.setPen(QColor(90, 90, 90));
    const QRectF footer(body.left(), pagePixels.height() - body.top() - m_footerHeight * 0.8, body.width(),
                        m_footerHeight * 0.8);
    painter.drawText(footer, Qt::AlignLeft | Qt::AlignVCenter,
                     QObject::tr("For research use only. Not for diagnostic use. Tessera %1, %2")
                         .arg(m_content.version, m_content.slideKey));
    painter.drawText(footer, Qt::AlignRight | Qt::AlignVCenter,
                     QObject::tr("Page %1 of %2").arg(page + 1).arg(pages));
    painter.restore();
}

void ReportDocument::writePdf(const QString& path, int dpi)
{
    // QPdfWriter ignores failed writes to its file (a full disk gave a truncated PDF and "done"),
    // so the PDF is made in memory and written through QSaveFile, which checks every byte.
    QBuffer pdf;
    pdf.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&pdf);
        writer.setResolution(dpi);
        writer.setPageSize(QPageSize(m_content.page));
        writer.setPageMargins(QMarginsF(0, 0, 0, 0));
        writer.setTitle(QObject::tr("Slide report: %1").arg(m_content.slideKey));
        writer.setCreator(QStringLiteral("Tessera %1").arg(m_content.version));
        const QSizeF pagePixels = writer.pageLayout().fullRectPixels(dpi).size();
        layOut(&writer, pagePixels, dpi);
        const double margin = kMarginMm * dpi / 25.4;
        const QRectF body(margin, margin, m_document->pageSize().width(), m_document->pageSize().height());
        QPainter painter;
        if (!painter.begin(&writer))
            throw Error(QObject::tr("%1 cannot be written: the PDF could not be started").arg(path));
        const int pages = m_document->pageCount();
        for (int page = 0; page < pages; ++page) {
            if (page > 0)
                writer.newPage();
            paintPage(painter, page, pagePixels, body, pages);
        }
        if (!painter.end())
            throw Error(QObject::tr("%1 cannot be written: the PDF could not be completed").arg(path));
    }
    writeFileAtomically(path, pdf.data());
}

int ReportDocument::pageCount(int dpi)
{
    QImage probe(1, 1, QImage::Format_RGB32);
    probe.setDotsPerMeterX(int(dpi / 0.0254));
    probe.setDotsPerMeterY(int(dpi / 0.0254));
    layOut(&probe, QPageSize(m_content.page).sizePixels(dpi), dpi);
    return m_document->pageCount();
}

QImage ReportDocument::renderPage(int page, int dpi)
{
    const QSizeF pagePixels = QPageSize(m_content.page).sizePixels(dpi);
    QImage image(pagePixels.toSize(), QImage::Format_RGB32);
    image.setDotsPerMeterX(int(dpi / 0.0254));
    image.setDotsPerMeterY(int(dpi / 0.0254));
    image.fill(Qt::white);
    layOut(&image, pagePixels, dpi);
    const double margin = kMarginMm * dpi / 25.4;
    const QRectF body(margin, margin, m_document->pageSize().width(), m_document->pageSize().height());
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    paintPage(painter, std::clamp(page, 0, m_document->pageCount() - 1), pagePixels, body,
              m_document->pageCount());
    return image;
}

} // namespace tessera::core
