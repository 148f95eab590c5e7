#include "kiosk/core/dossier/dossier_answer.hpp"

#include "kiosk/core/dossier/follow_url.hpp"
#include "kiosk/core/i18n/money.hpp"

namespace kiosk::core {

namespace {

NextActor actorOf(DossierStatus status) {
    using S = DossierStatus;
    switch (status) {
    case S::Rejected:
    case S::NeedsDocuments:
    case S::NeedsPayment:
    case S::Done:
    case S::Stopped: return NextActor::Citizen;
    case S::WithdrawnByCitizen:
    case S::Returned: return NextActor::Nobody;
    case S::Registered:
    case S::Accepted:
    case S::Processing:
    case S::Unknown: break;
    }
    return NextActor::Agency;
}

// Every time of the dossier re-expressed at the office's zone: a backend may write UTC, and the day
// a citizen is told must be the office's day.
Dossier atOffice(Dossier d, const TimeZone& zone) {
    auto shift = [&](std::optional<ZonedTime>& t) {
        if (t) t = zone.at(*t);
    };
    shift(d.received);
    shift(d.due);
    shift(d.finished);
    if (d.pickup) shift(d.pickup->from);
    for (HistoryStep& step : d.history) step.at = zone.at(step.at);
    return d;
}

std::string joinWhere(const std::optional<Pickup>& pickup) {
    if (!pickup) return {};
    std::string where = pickup->counter;
    if (!pickup->place.empty()) where += where.empty() ? pickup->place : " — " + pickup->place;
    return where;
}

}  // namespace

StatusTone toneOf(DossierStatus status) {
    using S = DossierStatus;
    switch (status) {
    case S::Registered:
    case S::Accepted:
    case S::Processing: return StatusTone::InProgress;
    case S::NeedsDocuments:
    case S::NeedsPayment: return StatusTone::ActionNeeded;
    case S::Done: return StatusTone::Ready;
    case S::Returned: return StatusTone::Completed;
    case S::WithdrawnByCitizen: return StatusTone::Withdrawn;
    case S::Rejected:
    case S::Stopped: return StatusTone::Stopped;
    case S::Unknown: break;
    }
    return StatusTone::Unknown;
}

DossierAnswer answerFor(const Dossier& original, const StringTable& t, const AnswerContext& ctx) {
    using S = DossierStatus;
    const Dossier d = atOffice(original, ctx.zone);
    const Language lang = ctx.language;
    DossierAnswer a;
    a.language = lang;
    a.status = d.status;
    a.tone = toneOf(d.status);
    a.actor = actorOf(d.status);
    a.finished = d.status == S::Done || d.status == S::Returned;
    a.code = d.code;
    a.procedure = d.procedureName;
    a.agency = d.agency;
    a.applicant = d.applicantMasked;
    a.resultOnline = d.resultOnline;
    // Rejected, withdrawn and stopped dossiers produce no result: how it "is delivered" means nothing.
    const bool noResult = d.status == S::Rejected || d.status == S::WithdrawnByCitizen || d.status == S::Stopped;
    a.delivery = noResult ? std::string() : d.resultDelivery;
    a.instruction = d.backendNote;
    a.headline = t.text(statusTextKey(d.status, "title"));
    a.officialStatus = t.text(statusTextKey(d.status, "official"));
    const bool online = d.status == S::Done && d.resultOnline;
    a.explanation = t.text(statusTextKey(d.status, online ? "explain_online" : "explain"));

    // -- is it late: one rule (dueState) and one wording (status.due.*) for screen, slip and speech.
    a.due = dueState(d, ctx.now);
    const bool finishedUnknown = a.finished && !d.finished;  // Done without a finish time: no false "overdue"
    if (!finishedUnknown) {
        if (a.due.kind != DueKind::NoDueDate) {
            a.dueLine = t.format(dueTextKey(a.due.kind), {{"days", std::to_string(a.due.days)}});
        } else if (!d.due && (d.status == S::Registered || d.status == S::Accepted || d.status == S::Processing)) {
            a.dueLine = t.text(dueTextKey(DueKind::NoDueDate));
        }
    }
    const bool agencyLate = a.due.kind == DueKind::Overdue && a.actor == NextActor::Agency;
    if (agencyLate) {
        a.tone = StatusTone::Overdue;
        a.apology = t.text("status.overdue.apology");
    }

    // -- when and where
    // Where to collect: not once the result was handed over, nor when there is none.
    a.where = d.status == S::Returned || noResult ? std::string() : joinWhere(d.pickup);
    if (d.received) a.received = formatDate(*d.received, lang);
    if (d.due) a.dueDate = formatDate(*d.due, lang);
    if (d.status == S::Done && d.pickup && d.pickup->from && !online) {
        a.pickupDate = formatDate(*d.pickup->from, lang);  // status 10: collected already, no future date
    }
    auto keyDate = [&](KeyDateKind kind, const ZonedTime& at, std::string_view key) {
        a.keyDateKind = kind;
        a.keyDateLabel = t.text(key);
        a.keyDate = formatDate(at, lang);
        a.keyDateSpoken = formatDate(at, lang, DateStyle::Spoken);
    };
    if (d.status == S::Done && !a.pickupDate.empty()) {
        keyDate(KeyDateKind::PickupFrom, *d.pickup->from, "status.key_date.pickup_from");
    } else if (a.finished && d.finished) {
        keyDate(KeyDateKind::Finished, *d.finished,
                d.status == S::Returned ? "status.key_date.returned" : "status.key_date.finished");
    } else if (d.due && d.status != S::Rejected && d.status != S::WithdrawnByCitizen && d.status != S::Stopped) {
        keyDate(KeyDateKind::Due, *d.due, "status.key_date.due");
    } else if (d.received) {
        keyDate(KeyDateKind::Received, *d.received, "status.key_date.received");
    }

    // -- what to do
    if (agencyLate) {
        const std::string where = a.where.empty() ? t.text("status.overdue.where_default") : a.where;
        a.nextStep = t.format("status.overdue.next", {{"where", where}});
    } else {
        a.nextStep = t.text(statusTextKey(d.status, online ? "next_online" : "next"));
    }
    if ((d.status == S::Rejected || d.status == S::Stopped) && !d.history.empty()) {
        a.reason = d.history.back().note;
    }
    for (const MissingDocument& doc : d.missingDocuments) {
        a.missingDocuments.push_back(doc.note.empty() ? doc.name : doc.name + " (" + doc.note + ")");
    }
    std::int64_t unpaid = 0;
    std::int64_t paid = 0;
    for (const Fee& fee : d.fees) {
        a.fees.push_back(AnswerFee{fee.description, formatVnd(fee.amountVnd, lang), fee.howToPay, fee.paid});
        (fee.paid ? paid : unpaid) += fee.amountVnd;
        // A payment page the backend gives is shown as a QR only when it is https and of a sane size.
        if (!fee.paid && a.payUrl.empty() && fee.payUrl.starts_with("https://") && fee.payUrl.size() <= 300) {
            a.payUrl = fee.payUrl;
        }
    }
    if (unpaid > 0) a.feesUnpaidTotal = formatVnd(unpaid, lang);
    if (paid > 0) a.feesPaidTotal = formatVnd(paid, lang);
    // The contract carries fee texts in Vietnamese only: on an English screen they are marked as such.
    a.feesInOtherLanguage = lang != Language::Vi && !a.fees.empty();

    // -- where it is
    for (const HistoryStep& step : d.history) {
        a.history.push_back(AnswerStep{formatDateTime(step.at, lang), step.unit, step.action, step.note});
    }
    if (!a.history.empty()) a.currentStep = a.history.back();
    a.followUrl = followUrl(ctx.followUrlTemplate, d.code);
    return a;
}

}  // namespace kiosk::core
