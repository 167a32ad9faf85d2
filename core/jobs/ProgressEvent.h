// The typed events every long job reports (extraction, training, inference): written by core,
// serialised as JSON lines by `tessera-cli … --progress jsonl`, and read back by the GUI through
// the same code. The wire format is documented in docs/JOBS.md.
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QMetaType>
#include <QString>
#include <functional>
#include <map>
#include <optional>

namespace tessera::core {

enum class EventKind {
    Started,  // a job began: what it will do (details)
    Progress, // part of the work is done: done/total, fraction, ETA
    Epoch,    // a training epoch ended: every loss term and metric
    Message,  // something to tell the user (a slide finished, a slide was skipped)
    Finished, // the job succeeded: its summary (details)
    Failed,   // the job stopped: the reason, and whether it was a cancellation
};

QString eventKindName(EventKind kind);
std::optional<EventKind> eventKindFromName(const QString& name);

struct ProgressEvent {
    static constexpr int kSchemaVersion = 1;

    EventKind kind = EventKind::Message;
    QString job;            // "extract", "train", "infer", …
    QDateTime time;         // when it happened (UTC); set by the constructors below
    QString message;        // Message text, Failed reason, or a short caption of a Progress step
    QString level;          // Message: "info" or "warning"
    bool cancelled = false; // Failed: stopped on request (a rerun resumes)

    // Progress
    qint64 done = 0, total = 0;
    QString unit;           // "patches", "slides", "epochs" …
    double etaSeconds = -1; // -1 when unknown
    double fraction() const { return total > 0 ? double(done) / double(total) : 0.0; }

    // Epoch
    int epoch = 0, epochs = 0;         // 1-based
    std::map<QString, double> losses;  // "train" (the total) and each term: "ce_masked", "sce" …
    std::map<QString, double> metrics; // "val_auc", "val_loss", "val_accuracy" …
    double learningRate = 0;
    double seconds = 0;
    bool best = false; // the best epoch so far by validation

    // Anything else the job wants to say (a slide path, an output file, counts).
    QJsonObject details;

    static ProgressEvent started(const QString& job, const QJsonObject& details = {});
    static ProgressEvent progress(const QString& job, qint64 done, qint64 total, const QString& unit,
                                  const QString& caption = {}, double etaSeconds = -1);
    static ProgressEvent note(const QString& job, const QString& text,
                              const QString& level = QStringLiteral("info"), const QJsonObject& details = {});
    static ProgressEvent finished(const QString& job, const QJsonObject& details = {});
    static ProgressEvent failed(const QString& job, const QString& reason, bool cancelled = false,
                                const QJsonObject& details = {});

    // One JSON object with "schema" and "kind"; fields that do not apply to the kind are left out.
    QJsonObject toJson() const;
    // The event of `json`, or nullopt with the reason in `error` (not an object, unknown kind,
    // a schema newer than this program's).
    static std::optional<ProgressEvent> fromJson(const QJsonObject& json, QString* error = nullptr);
    // One line of JSONL (without the newline), and back.
    QByteArray toJsonLine() const;
    static std::optional<ProgressEvent> fromJsonLine(const QByteArray& line, QString* error = nullptr);
};

using ProgressSink = std::function<void(const ProgressEvent&)>;

// Estimates the time left from the work done so far (a running mean, robust to a slow start).
class EtaEstimator {
public:
    EtaEstimator();
    // Seconds left when `done` of `total` are finished; -1 before anything is done.
    double secondsLeft(qint64 done, qint64 total) const;
    double elapsedSeconds() const;

private:
    QDateTime m_start;
};

} // namespace tessera::core

Q_DECLARE_METATYPE(tessera::core::ProgressEvent)
