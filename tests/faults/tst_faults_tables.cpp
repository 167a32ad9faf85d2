// Fault suite, tables: labels and splits CSV files as spreadsheets and scripts really write them
// (byte-order marks, CRLF, Latin-1, UTF-16) read the same as plain UTF-8; malformed, duplicated or
// contradictory ones are refused with the file, the line and the reason, before anything changes.
#include "common/Error.h"
#include "project/Project.h"
#include "project/SlideCatalog.h"
#include "support/ErrorMessage.h"
#include "support/FileBytes.h"
#include "train/Dataset.h"

#include <QFile>
#include <QStringEncoder>
#include <QTemporaryDir>
#include <QtTest>

#include <functional>

using namespace tessera::core;

namespace {

// The same table in each of the encodings and line endings users' tools produce.
QByteArray encoded(const QString& text, const QString& how)
{
    if (how == QLatin1String("utf-8"))
        return text.toUtf8();
    if (how == QLatin1String("utf-8 bom"))
        return "\xEF\xBB\xBF" + text.toUtf8();
    if (how == QLatin1String("crlf"))
        return QString(text).replace(QLatin1Char('\n'), QLatin1String("\r\n")).toUtf8();
    if (how == QLatin1String("cr (old Mac)"))
        return QString(text).replace(QLatin1Char('\n'), QLatin1Char('\r')).toUtf8();
    if (how == QLatin1String("latin-1 crlf"))
        return QString(text).replace(QLatin1Char('\n'), QLatin1String("\r\n")).toLatin1();
    if (how == QLatin1String("utf-16 bom")) {
        QStringEncoder utf16(QStringEncoder::Utf16LE, QStringEncoder::Flag::WriteBom);
        return utf16.encode(text);
    }
    if (how == QLatin1String("utf-16be bom")) {
        QStringEncoder utf16(QStringEncoder::Utf16BE, QStringEncoder::Flag::WriteBom);
        return utf16.encode(text);
    }
    if (how == QLatin1String("no final newline"))
        return text.chopped(1).toUtf8();
    qFatal("unknown encoding");
}

const QString kLabels =
    QStringLiteral("case_id,slide_id,label\nc1,biopsié_01,tumour\nc2,\"gastric, 02\",normal\n"
                   "c3,sein_03,tumour\n");
const QString kSplits = QStringLiteral(",train,val,test\n0,biopsié_01,sein_03,\n1,\"gastric, 02\",,\n");

} // namespace

class TestFaultsTables : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void encodingsAndLineEndingsReadAlike_data();
    void encodingsAndLineEndingsReadAlike();
    void malformedLabelsAreRefusedNamingTheLine_data();
    void malformedLabelsAreRefusedNamingTheLine();
    void malformedSplitsAreRefusedNamingTheLine_data();
    void malformedSplitsAreRefusedNamingTheLine();
    void aLabelOutsideTheTrainingClassesStopsTraining();
    void aProjectKeepsItsLabelsWhenAnImportFails();
    void aLatin1FileMatchesAccentedSlideNames();

private:
    QTemporaryDir m_dir;
};

void TestFaultsTables::encodingsAndLineEndingsReadAlike_data()
{
    QTest::addColumn<QString>("how");
    for (const char* how : {"utf-8 bom", "crlf", "cr (old Mac)", "latin-1 crlf", "utf-16 bom", "utf-16be bom",
                            "no final newline"})
        QTest::newRow(how) << QString::fromLatin1(how);
}

void TestFaultsTables::encodingsAndLineEndingsReadAlike()
{
    QFETCH(QString, how);
    const LabelTable plain = LabelTable::readCsv(
        tessera::test::writeBytes(m_dir.filePath(QStringLiteral("plain.csv")), kLabels.toUtf8()));
    const LabelTable other = LabelTable::readCsv(
        tessera::test::writeBytes(m_dir.filePath(how + QStringLiteral(".csv")), encoded(kLabels, how)));
    QCOMPARE(other.slideIds, plain.slideIds);
    QCOMPARE(other.classNames, plain.classNames);
    QCOMPARE(other.labels, plain.labels);
    QCOMPARE(plain.slideIds.first(), QStringLiteral("biopsié_01"));

    const Split plainSplit = Split::readClamCsv(
        tessera::test::writeBytes(m_dir.filePath(QStringLiteral("plain-split.csv")), kSplits.toUtf8()));
    const Split otherSplit = Split::readClamCsv(
        tessera::test::writeBytes(m_dir.filePath(how + QStringLiteral("-split.csv")), encoded(kSplits, how)));
    QCOMPARE(otherSplit.train, plainSplit.train);
    QCOMPARE(otherSplit.val, plainSplit.val);
    QCOMPARE(otherSplit.test, plainSplit.test);
    QCOMPARE(plainSplit.train.size(), qsizetype(2));
}

void TestFaultsTables::malformedLabelsAreRefusedNamingTheLine_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("reason");
    QTest::newRow("empty file") << QByteArray() << QStringLiteral("is empty");
    QTest::newRow("no header") << QByteArray("s1,tumour\ns2,normal\n")
                               << QStringLiteral("line 1: the header");
    QTest::newRow("a row without its label") << QByteArray("slide_id,label\ns1,tumour\ns2\n")
                                             << QStringLiteral("line 3: expected a slide id and a label");
    QTest::newRow("an empty label") << QByteArray("slide_id,label\ns1,tumour\ns2,\n")
                                    << QStringLiteral("line 3");
    QTest::newRow("a quote never closed") << QByteArray("slide_id,label\ns1,tumour\n\"s2,normal\n")
                                          << QStringLiteral("line 3: a quoted cell is never closed");
    QTest::newRow("a slide listed twice") << QByteArray("slide_id,label\ns1,tumour\ns2,normal\ns1,normal\n")
                                          << QStringLiteral("line 4: slide 's1' is listed twice");
    QTest::newRow("one class only") << QByteArray("slide_id,label\ns1,tumour\ns2,tumour\n")
                                    << QStringLiteral("only one class ('tumour')");
    QTest::newRow("binary data (an .h5 chosen by mistake)")
        << QByteArray("\x89HDF\r\n\x1a\n\0\0\0\0\0\x08\x08\0", 16) << QStringLiteral("binary data");
}

void TestFaultsTables::malformedLabelsAreRefusedNamingTheLine()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, reason);
    const QString path = tessera::test::writeBytes(
        m_dir.filePath(QString::fromLatin1(QTest::currentDataTag()) + QStringLiteral(".csv")), bytes);
    const QString message = tessera::test::errorMessageOf([&] { LabelTable::readCsv(path); });
    QVERIFY2(message.contains(path) && message.contains(reason), qPrintable(message));
}

void TestFaultsTables::malformedSplitsAreRefusedNamingTheLine_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("reason");
    QTest::newRow("empty file") << QByteArray() << QStringLiteral("is empty");
    QTest::newRow("no train column") << QByteArray("slide,part\ns1,train\n")
                                     << QStringLiteral("line 1: expected columns train, val");
    QTest::newRow("no training slides")
        << QByteArray(",train,val,test\n0,,s1,s2\n") << QStringLiteral("no training slides");
    QTest::newRow("a slide in train and test")
        << QByteArray(",train,val,test\n0,s1,s2,s3\n1,s4,,s1\n")
        << QStringLiteral("slide 's1' is listed twice, at line 2 (train) and at line 3 (test)");
    QTest::newRow("a slide twice in one part")
        << QByteArray(",train,val,test\n0,s1,s2,\n1,s1,,\n") << QStringLiteral("slide 's1' is listed twice");
    QTest::newRow("a quote never closed") << QByteArray(",train,val,test\n0,\"s1,s2,s3\n")
                                          << QStringLiteral("line 2: a quoted cell is never closed");
}

void TestFaultsTables::malformedSplitsAreRefusedNamingTheLine()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, reason);
    const QString path = tessera::test::writeBytes(
        m_dir.filePath(QStringLiteral("split ") + QString::fromLatin1(QTest::currentDataTag()) +
                       QStringLiteral(".csv")),
        bytes);
    const QString message = tessera::test::errorMessageOf([&] { Split::readClamCsv(path); });
    QVERIFY2(message.contains(path) && message.contains(reason), qPrintable(message));
}

// A misspelt class ("tumuor") is a class of its own: training refuses it, naming the class, since
// none of its slides is in the training part.
void TestFaultsTables::aLabelOutsideTheTrainingClassesStopsTraining()
{
    const QString labels = tessera::test::writeBytes(m_dir.filePath(QStringLiteral("typo.csv")),
                                                     "slide_id,label\ns1,tumour\ns2,normal\ns3,tumuor\n");
    Split split;
    split.train = QStringList{QStringLiteral("s1"), QStringLiteral("s2")};
    split.test = QStringList{QStringLiteral("s3")};
    const QString message = tessera::test::errorMessageOf([&] {
        MilDataset::load(m_dir.filePath(QStringLiteral("no-features")), LabelTable::readCsv(labels), split);
    });
    QVERIFY2(message.contains(QLatin1String("class 'tumuor' has no training slides")), qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("nothing was trained")), qPrintable(message));
}

void TestFaultsTables::aProjectKeepsItsLabelsWhenAnImportFails()
{
    QTemporaryDir dir;
    const auto project = Project::create(dir.filePath(QStringLiteral("p")));
    project->slides().add(
        {tessera::test::writeBytes(dir.filePath(QStringLiteral("s/s1.svs")), QByteArray(3000, 'a')),
         tessera::test::writeBytes(dir.filePath(QStringLiteral("s/s2.svs")), QByteArray(3000, 'b'))});
    project->slides().importLabels(tessera::test::writeBytes(dir.filePath(QStringLiteral("good.csv")),
                                                             "slide_id,label\ns1,tumour\ns2,normal\n"));
    const QString splits =
        tessera::test::writeBytes(dir.filePath(QStringLiteral("splits.csv")), ",train,val,test\n0,s1,s2,\n");
    project->slides().importSplit(splits, QStringLiteral("fold_0"));
    // Each bad file leaves labels and splits as they were: the parse fails before the transaction.
    const QString badLabels = tessera::test::writeBytes(dir.filePath(QStringLiteral("bad.csv")),
                                                        "slide_id,label\ns1,normal\ns2,tumour\ns1,tumour\n");
    QVERIFY(tessera::test::errorMessageOf([&] {
                project->slides().importLabels(badLabels);
            }).contains(QLatin1String("twice")));
    const QString badSplit = tessera::test::writeBytes(dir.filePath(QStringLiteral("bad-split.csv")),
                                                       ",train,val,test\n0,s2,s1,s2\n");
    QVERIFY(tessera::test::errorMessageOf([&] {
                project->slides().importSplit(badSplit, QStringLiteral("fold_0"));
            }).contains(QLatin1String("twice")));
    QCOMPARE(project->slides().find(QStringLiteral("s1"))->label, QStringLiteral("tumour"));
    QCOMPARE(project->slides().find(QStringLiteral("s2"))->label, QStringLiteral("normal"));
    QCOMPARE(project->slides().split(QStringLiteral("fold_0")).train, QStringList{QStringLiteral("s1")});
}

// Excel on Western Windows saves "CSV" in Latin-1/cp1252: the accented id must still find its slide
// (a UTF-8 decoder would turn 'é' into U+FFFD and report the slide as unknown).
void TestFaultsTables::aLatin1FileMatchesAccentedSlideNames()
{
    QTemporaryDir dir;
    const auto project = Project::create(dir.filePath(QStringLiteral("p")));
    project->slides().add(
        {tessera::test::writeBytes(dir.filePath(QStringLiteral("s/biopsié_01.svs")), QByteArray(3000, 'a')),
         tessera::test::writeBytes(dir.filePath(QStringLiteral("s/sein_03.svs")), QByteArray(3000, 'b'))});
    const QString latin1 = tessera::test::writeBytes(
        dir.filePath(QStringLiteral("labels.csv")),
        QStringLiteral("slide_id,label\r\nbiopsié_01,tumour\r\nsein_03,normal\r\n").toLatin1());
    const ImportReport report = project->slides().importLabels(latin1);
    QCOMPARE(report.applied, 2);
    QVERIFY2(report.unknown.isEmpty(), qPrintable(report.unknown.join(QLatin1Char(' '))));
    QCOMPARE(project->slides().find(QStringLiteral("biopsié_01"))->label, QStringLiteral("tumour"));
}

QTEST_GUILESS_MAIN(TestFaultsTables)
#include "tst_faults_tables.moc"
