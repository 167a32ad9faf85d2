#include "SlideReport.h"

#include "ReportDocument.h"
#include "common/AtomicFile.h"
#include "common/Error.h"
#include "project/Project.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QObject>

namespace tessera::core {

namespace {

QString cell(const QString& text)
{
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"')) &&
        !text.contains(QLatin1Char('\n')))
        return text;
    return QLatin1Char('"') + QString(text).replace(QLatin1Char('"'), QStringLiteral("\"\"")) +
           QLatin1Char('"');
}

QString num(double v)
{
    return QString::number(v, 'g', 10);
}

} // namespace

QStringList writeReportCsvs(const ReportContent& c, const QString& folder)
{
    if (!QDir().mkpath(folder))
        throw Error(QObject::tr("%1: the folder cannot be created").arg(folder));
    const QString unit = c.inMicrons ? QStringLiteral("um") : QStringLiteral("px");
    QStringList written;
    QString annotations =
        QStringLiteral("index,class,shape,area_%1_2,perimeter_%1,points,mean_attention_percentile\n")
            .arg(unit);
    for (size_t i = 0; i < c.annotations.size(); ++i) {
        const ReportAnnotationRow& a = c.annotations[i];
        annotations += QStringLiteral("%1,%2,%3,%4,%5,%6,%7\n")
                           .arg(i + 1)
                           .arg(cell(a.className), a.shape, num(a.area), num(a.perimeter))
                           .arg(a.points)
                           .arg(a.meanAttention ? num(*a.meanAttention) : QString());
    }
    QString patches = QStringLiteral("rank,x,y,attention,attention_percentile,consistency\n");
    for (const ReportPatch& p : c.topPatches)
        patches += QStringLiteral("%1,%2,%3,%4,%5,%6\n")
                       .arg(p.rank)
                       .arg(p.x)
                       .arg(p.y)
                       .arg(num(p.attention), num(p.attentionPercentile),
                            p.consistency ? num(*p.consistency) : QString());
    QString summary = QStringLiteral("class,count,total_area_%1_2\n").arg(unit);
    for (const ClassSummary& s : c.classSummary)
        summary += QStringLiteral("%1,%2,%3\n").arg(cell(s.className)).arg(s.count).arg(num(s.area));
    for (const auto& [name, text] : {std::pair{QStringLiteral("annotations"), annotations},
                                     std::pair{QStringLiteral("top_patches"), patches},
                                     std::pair{QStringLiteral("class_summary"), summary}}) {
        const QString path = QDir(folder).filePath(QStringLiteral("%1_%2.csv").arg(c.slideKey, name));
        writeFileAtomically(path, text.toUtf8());
        written << path;
    }
    return written;
}

ReportOutput writeSlideReport(Project& project, const ReportRequest& request, const QString& pdfPath,
                              const QString& csvFolder)
{
    const ReportContent content = gatherReport(project, request);
    ReportOutput out;
    ReportDocument document(content);
    if (const QString folder = QFileInfo(pdfPath).absolutePath(); !QDir().mkpath(folder))
        throw Error(QObject::tr("%1: the folder cannot be created").arg(folder));
    document.writePdf(pdfPath);
    out.pdf = pdfPath;
    out.pages = document.pageCount(300);
    out.omitted = content.omitted;
    out.ood = content.ood;
    if (!content.runName.isEmpty()) {
        out.trust = trustLine(content.ood, content.trustNote, content.temperature, content.members);
    }
    if (!csvFolder.isEmpty())
        out.csvs = writeReportCsvs(content, csvFolder);
    ProjectDatabase& db = project.database();
    ProjectDatabase::Transaction transaction(db);
    QSqlQuery q = db.prepare(QStringLiteral(
        "INSERT INTO reports (slide_id, run_id, file, findings, created_at) VALUES (?, ?, ?, ?, ?)"));
    q.addBindValue(content.slideId);
    q.addBindValue(content.runId > 0 ? QVariant(content.runId) : QVariant());
    q.addBindValue(project.toStored(QFileInfo(pdfPath).absoluteFilePath()));
    q.addBindValue(request.findings);
    q.addBindValue(QString::fromLatin1(isoUtc(QDateTime::currentDateTimeUtc())));
    db.run(q);
    transaction.commit();
    return out;
}

QString lastFindings(Project& project, qint64 slideId)
{
    return project.database()
        .scalar(QStringLiteral("SELECT findings FROM reports WHERE slide_id = ? ORDER BY id DESC LIMIT 1"),
                {slideId})
        .toString();
}

} // namespace tessera::core
