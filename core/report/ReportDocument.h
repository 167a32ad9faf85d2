// A report laid out for paper: the content as a QTextDocument (real text: selectable and
// searchable in the PDF), paginated by hand so that every page gets the footer — page n of m and
// "For research use only". Writes the PDF atomically, or paints one page for a preview.
#pragma once

#include "ReportContent.h"

#include <QTextDocument>
#include <memory>

class QPaintDevice;
class QPainter;

namespace tessera::core {

class ReportDocument {
public:
    explicit ReportDocument(const ReportContent& content);
    ~ReportDocument();

    // Throws Error naming the file when it cannot be written; never leaves a partial file under
    // `path`.
    void writePdf(const QString& path, int dpi = 300);
    // Page `page` (from 0) at `dpi`, white, for a preview.
    QImage renderPage(int page, int dpi = 72);
    int pageCount(int dpi = 72);

private:
    void layOut(QPaintDevice* device, QSizeF pagePixels, int dpi);
    void paintPage(QPainter& painter, int page, QSizeF pagePixels, QRectF body, int pages);

    const ReportContent& m_content;
    std::unique_ptr<QTextDocument> m_document;
    double m_footerHeight = 0;
};

} // namespace tessera::core
