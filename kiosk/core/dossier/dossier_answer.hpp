#pragma once
// The citizen's answer: what a dossier means for the person holding its receipt, in their language.
// Every question a citizen brings has one field here: where is my dossier (headline, current step),
// is it late (due line, tone), what must I do (next step, missing documents, fees), when and where do
// I collect it (key date, where, pickup). The Result screen (kiosk/ui/result_view_builder.hpp), the
// status slip (kiosk/core/slip/status_slip.hpp) and the spoken status (spoken_status.hpp) are all
// built from it, so they cannot disagree.
//
// Pure: the texts come from the string tables (assets/i18n/<lang>/status.json), "now" and the office
// time zone are passed in.

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/core/dossier/dossier.hpp"
#include "kiosk/core/dossier/dossier_time.hpp"
#include "kiosk/core/dossier/time_zone.hpp"
#include "kiosk/core/i18n/language.hpp"
#include "kiosk/core/i18n/string_table.hpp"

namespace kiosk::core {

/// How the headline looks: colour and icon together on screen, never colour alone.
enum class StatusTone {
    InProgress,    ///< registered, accepted, processing, on time: a clock
    Overdue,       ///< the agency is past the appointment date: a warning triangle
    ActionNeeded,  ///< the citizen must act (documents, fees): an exclamation mark
    Ready,         ///< processed, result waiting: a check
    Completed,     ///< result handed over: a double check
    Withdrawn,     ///< withdrawn at the citizen's request: a neutral mark, not an error
    Stopped,       ///< rejected or stopped: a cross
    Unknown,       ///< a status the kiosk does not know: a question mark
};

/// Who has to do something next.
enum class NextActor {
    Citizen,  ///< bring documents, pay, collect the result, resubmit
    Agency,   ///< the office works on it; the citizen waits
    Nobody,   ///< finished
};

/// The date the citizen needs first, and what it is.
enum class KeyDateKind {
    Due,       ///< the appointment date ("ngày hẹn trả")
    PickupFrom,///< the result can be collected from this date
    Finished,  ///< when processing finished or the result was handed over
    Received,  ///< when the dossier was received (no appointment date)
    None,      ///< no date known at all
};

struct AnswerFee {
    std::string description;  ///< as the backend wrote it
    std::string amount;       ///< "1.200.000 ₫"
    std::string howToPay;
    bool paid = false;
};

struct AnswerStep {
    std::string time;   ///< "14:05 27/10/2023", at the office's zone
    std::string unit;
    std::string action;
    std::string note;
};

struct DossierAnswer {
    Language language = Language::Vi;  ///< of every text below
    DossierStatus status = DossierStatus::Unknown;
    StatusTone tone = StatusTone::Unknown;
    NextActor actor = NextActor::Agency;
    DueState due;                ///< on time / overdue, from dueState() at the office's zone

    // -- the first view
    std::string headline;        ///< plain status label ("Cần nộp phí, lệ phí")
    std::string dueLine;         ///< "Còn 3 ngày đến ngày hẹn trả" / "Đã quá hạn 2 ngày" / "" (the one wording)
    KeyDateKind keyDateKind = KeyDateKind::None;
    std::string keyDateLabel;    ///< "Ngày hẹn trả" / "Nhận kết quả từ ngày" / ...
    std::string keyDate;         ///< "02/12/2026"
    std::string keyDateSpoken;   ///< "ngày 2 tháng 12 năm 2026"
    std::string nextStep;        ///< what to do now, fitting the due state
    std::string where;           ///< counter and place ("Quầy số 3 — Bộ phận Một cửa, tầng 1"), may be empty
    std::string instruction;     ///< the agency's note for this dossier (backend note), may be empty
    std::string reason;          ///< why it was rejected or stopped (statuses 3, 8), may be empty
    std::string apology;         ///< only when the agency is late
    std::optional<AnswerStep> currentStep;  ///< the last history entry

    // -- below the first view
    std::string explanation;     ///< what the status means
    std::string officialStatus;  ///< the national portal's label ("Yêu cầu thực hiện nghĩa vụ tài chính")
    std::string code;
    std::string procedure;
    std::string agency;
    std::string applicant;       ///< masked by core/privacy before it gets here
    std::string received;        ///< "27/10/2023"
    std::string dueDate;         ///< appointment date, "" when none
    std::string pickupDate;      ///< status 9 only: from when the result can be collected
    std::string delivery;        ///< how the result is delivered (backend's words)
    bool resultOnline = false;
    std::vector<std::string> missingDocuments;  ///< "name (note)"
    std::vector<AnswerFee> fees;
    std::string feesUnpaidTotal; ///< "1.300.000 ₫"; "" when nothing is unpaid
    std::string feesPaidTotal;   ///< "" when nothing is paid
    bool feesInOtherLanguage = false;  ///< fee texts are the backend's Vietnamese on an English screen
    std::string payUrl;          ///< https payment page of the first unpaid fee that has one, for a QR
    std::vector<AnswerStep> history;   ///< oldest first
    std::string followUrl;       ///< office template + dossier code (kiosk/core/dossier/follow_url.hpp); "" = none
    bool finished = false;       ///< statuses 9 and 10: the rating is asked
};

struct AnswerContext {
    Language language = Language::Vi;
    std::chrono::sys_seconds now{};
    TimeZone zone;                    ///< office.time_zone
    std::string followUrlTemplate;    ///< office.public_lookup_url ("" = no follow-up QR)
};

/// @param dossier masked dossier from the backend
/// @param text    the string table of ctx.language (status.* and answer.* keys)
/// @return the answer; texts missing from `text` show as StringTable's visible marker
DossierAnswer answerFor(const Dossier& dossier, const StringTable& text, const AnswerContext& ctx);

/// Tone of a status before the due date is considered (Overdue comes from answerFor).
StatusTone toneOf(DossierStatus status);

}  // namespace kiosk::core
