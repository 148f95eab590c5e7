#include "kiosk/ui/result_view_builder.hpp"

#include <cstdio>

#include "kiosk/ui/strings.hpp"

namespace kiosk::ui {

StatusTone toneOf(core::DossierStatus status) {
    using S = core::DossierStatus;
    switch (status) {
    case S::Registered:
    case S::Accepted:
    case S::Processing: return StatusTone::InProgress;
    case S::NeedsDocuments:
    case S::NeedsPayment: return StatusTone::ActionNeeded;
    case S::Done: return StatusTone::Ready;
    case S::Returned: return StatusTone::Completed;
    case S::Rejected:
    case S::WithdrawnByCitizen:
    case S::Stopped: return StatusTone::Stopped;
    case S::Unknown: break;
    }
    return StatusTone::Unknown;
}

std::string formatDate(const core::ZonedTime& t) {
    const auto day = std::chrono::floor<std::chrono::days>(t.local());
    const std::chrono::year_month_day ymd{day};
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02u/%02u/%04d", static_cast<unsigned>(ymd.day()), static_cast<unsigned>(ymd.month()),
                  static_cast<int>(ymd.year()));
    return buf;
}

std::string formatDateTime(const core::ZonedTime& t) {
    const auto local = t.local();
    const auto day = std::chrono::floor<std::chrono::days>(local);
    const std::chrono::hh_mm_ss hms{local - day};
    char buf[16];
    std::snprintf(buf, sizeof buf, " %02d:%02d", static_cast<int>(hms.hours().count()),
                  static_cast<int>(hms.minutes().count()));
    return formatDate(t) + buf;
}

std::string formatVnd(std::int64_t amount, Language language) {
    const char sep = language == Language::Vi ? '.' : ',';
    std::string digits = std::to_string(amount < 0 ? -amount : amount);
    std::string out;
    const std::size_t n = digits.size();
    for (std::size_t i = 0; i < n; ++i) {
        out += digits[i];
        if ((n - i - 1) % 3 == 0 && i + 1 < n) {
            out += sep;
        }
    }
    return (amount < 0 ? "-" : "") + out + " ₫";
}

int daysUntil(const core::ZonedTime& due, std::chrono::sys_seconds now) {
    const auto dueDay = std::chrono::floor<std::chrono::days>(due.local());
    const auto today = std::chrono::floor<std::chrono::days>(std::chrono::local_seconds{now.time_since_epoch() + due.offset});
    return static_cast<int>((dueDay - today).count());
}

namespace {

// Decodes %XX and '+' in a query value (enough to compare it with a dossier code).
std::string percentDecode(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '%' && i + 2 < s.size()) {
            const auto hex = [](char c) {
                return (c >= '0' && c <= '9') ? c - '0' : (c >= 'a' && c <= 'f') ? c - 'a' + 10 : (c >= 'A' && c <= 'F') ? c - 'A' + 10 : -1;
            };
            const int hi = hex(s[i + 1]);
            const int lo = hex(s[i + 2]);
            if (hi >= 0 && lo >= 0) {
                out += static_cast<char>(hi * 16 + lo);
                i += 2;
                continue;
            }
        }
        out += s[i] == '+' ? ' ' : s[i];
    }
    return out;
}

}  // namespace

std::string followUrlFor(std::string_view url, std::string_view code) {
    if (code.empty() || !(url.starts_with("https://") || url.starts_with("http://"))) {
        return {};
    }
    url = url.substr(0, url.find('#'));
    const auto q = url.find('?');
    const std::string_view base = url.substr(0, q);
    if (q == std::string_view::npos) {
        // A path-style link is kept only when the path itself names the dossier.
        return base.find(code) != std::string_view::npos ? std::string(base) : std::string();
    }
    std::string kept;
    std::string_view query = url.substr(q + 1);
    while (!query.empty()) {
        const auto amp = query.find('&');
        const std::string_view pair = query.substr(0, amp);
        const auto eq = pair.find('=');
        if (eq != std::string_view::npos && percentDecode(pair.substr(eq + 1)) == code) {
            kept += kept.empty() ? "?" : "&";
            kept += pair;
        }
        query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    }
    return kept.empty() ? std::string() : std::string(base) + kept;
}

ResultView buildResultView(const core::Dossier& d, const Chrome& chrome, std::chrono::sys_seconds now, bool printer,
                           std::optional<int> rating) {
    const Strings& t = *chrome.text;
    ResultView v;
    v.chrome = chrome;
    v.code = d.code;
    v.tone = toneOf(d.status);
    const int code = static_cast<int>(d.status);
    // Label, explanation and next step come from the status tables (assets/i18n/<lang>/status.json);
    // the screen's own short label is the fallback while those are missing.
    const std::string base = "status." + std::to_string(code);
    // Keys of the domain's status tables: status.<code>.title / .explain / .next.
    v.statusLabel = t.has(base + ".title") ? t.get(base + ".title") : t.get("screens.status." + std::to_string(code));
    if (t.has(base + ".explain")) {
        v.explanation = t.get(base + ".explain");
    }
    if (t.has(base + ".next")) {
        v.nextStep = t.get(base + ".next");
    }
    v.procedure = d.procedureName;
    v.agency = d.agency;
    v.applicant = d.applicantMasked;
    if (d.received) {
        v.received = formatDate(*d.received);
    }
    if (d.due) {
        v.due = formatDate(*d.due);
        // Days left matter only while the office still works on the dossier.
        const bool open = v.tone == StatusTone::InProgress || v.tone == StatusTone::ActionNeeded;
        if (open) {
            const int days = daysUntil(*d.due, now);
            if (days > 0) {
                v.dueLine = t.format("screens.result.days_left", {{"days", std::to_string(days)}});
            } else if (days == 0) {
                v.dueLine = t.get("screens.result.due_today");
            } else {
                v.overdue = true;
                v.dueLine = t.format("screens.result.overdue", {{"days", std::to_string(-days)}});
                v.apology = t.get("screens.result.apology");
            }
        }
    }
    for (const core::HistoryStep& step : d.history) {
        v.history.push_back(TimelineItem{formatDateTime(step.at), step.unit, step.action, step.note});
    }
    if (d.pickup) {
        v.pickupPlace = d.pickup->counter;
        if (!d.pickup->place.empty()) {
            v.pickupPlace += v.pickupPlace.empty() ? d.pickup->place : " — " + d.pickup->place;
        }
        if (d.pickup->from) {
            v.pickupDate = formatDate(*d.pickup->from);
        }
    }
    for (const core::MissingDocument& doc : d.missingDocuments) {
        v.missingDocuments.push_back(doc.note.empty() ? doc.name : doc.name + " (" + doc.note + ")");
    }
    for (const core::Fee& fee : d.fees) {
        v.fees.push_back(FeeLine{fee.description, formatVnd(fee.amountVnd, chrome.language), fee.howToPay, fee.paid});
    }
    v.resultDelivery = d.resultDelivery;
    v.backendNote = d.backendNote;
    v.followUrl = followUrlFor(d.publicLookupUrl, d.code);
    v.printerAvailable = printer;
    v.rating = rating;
    return v;
}

}  // namespace kiosk::ui
