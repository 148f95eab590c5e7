#include "kiosk/core/api/dossier_mapping.hpp"

#include <nlohmann/json.hpp>

#include "kiosk/core/api/iso_time.hpp"
#include "kiosk/core/api/json_depth.hpp"
#include "kiosk/core/privacy/masking.hpp"
#include "kiosk/core/text/utf8.hpp"

namespace kiosk::core {
namespace {

using nlohmann::json;

std::unexpected<LookupError> badResponse(std::string diagnostic) {
    return std::unexpected(LookupError{LookupErrorKind::BadResponse, std::move(diagnostic), 0});
}

// Backend text is shown on screen and printed: NFC (ImGui has no shaping), bidi controls removed (a
// U+202E would make a name or note read backwards), control characters other than a line break become
// spaces, surrounding whitespace goes.
std::string cleanText(std::string_view raw) {
    std::string nfc = text::removeBidiControls(text::toNfcLossy(raw));
    for (char& c : nfc) {
        const auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && c != '\n') || u == 0x7f) c = ' ';
    }
    const auto first = nfc.find_first_not_of(" \n");
    if (first == std::string::npos) return {};
    const auto last = nfc.find_last_not_of(" \n");
    return nfc.substr(first, last - first + 1);
}

// Reads fields of one JSON object and remembers where it is, so every error names its path.
class FieldReader {
public:
    FieldReader(const json& object, std::string path) : m_object(object), m_path(std::move(path)) {}

    [[nodiscard]] std::string pathOf(std::string_view key) const {
        return m_path.empty() ? std::string{key} : m_path + "." + std::string{key};
    }

    // nullptr when absent or null (allowed only for optional fields).
    [[nodiscard]] const json* find(std::string_view key) const {
        const auto it = m_object.find(key);
        if (it == m_object.end() || it->is_null()) return nullptr;
        return &*it;
    }

    std::expected<std::string, LookupError> requiredString(std::string_view key) const {
        const json* v = find(key);
        if (v == nullptr) return badResponse(pathOf(key) + ": missing (required string)");
        if (!v->is_string()) return badResponse(pathOf(key) + ": expected a string, got " + v->type_name());
        return cleanText(v->get_ref<const std::string&>());
    }

    std::expected<std::string, LookupError> optionalString(std::string_view key) const {
        const json* v = find(key);
        if (v == nullptr) return std::string{};
        if (!v->is_string()) return badResponse(pathOf(key) + ": expected a string or null, got " + v->type_name());
        return cleanText(v->get_ref<const std::string&>());
    }

    std::expected<std::int64_t, LookupError> requiredInteger(std::string_view key) const {
        const json* v = find(key);
        if (v == nullptr) return badResponse(pathOf(key) + ": missing (required integer)");
        if (v->is_number_integer()) return v->get<std::int64_t>();
        if (v->is_number_unsigned()) return badResponse(pathOf(key) + ": integer out of range");
        return badResponse(pathOf(key) + ": expected an integer, got " + v->type_name());
    }

    std::expected<bool, LookupError> requiredBool(std::string_view key) const {
        const json* v = find(key);
        if (v == nullptr) return badResponse(pathOf(key) + ": missing (required boolean)");
        if (!v->is_boolean()) return badResponse(pathOf(key) + ": expected a boolean, got " + v->type_name());
        return v->get<bool>();
    }

    std::expected<std::optional<ZonedTime>, LookupError> optionalTime(std::string_view key) const {
        const json* v = find(key);
        if (v == nullptr) return std::optional<ZonedTime>{};
        if (!v->is_string()) {
            return badResponse(pathOf(key) + ": expected an ISO 8601 time string or null, got " + v->type_name());
        }
        std::optional<ZonedTime> t = parseIsoTime(v->get_ref<const std::string&>());
        if (!t) return badResponse(pathOf(key) + ": not an ISO 8601 time with a UTC offset");
        return t;
    }

    std::expected<ZonedTime, LookupError> requiredTime(std::string_view key) const {
        auto t = optionalTime(key);
        if (!t) return std::unexpected(t.error());
        if (!t->has_value()) return badResponse(pathOf(key) + ": missing (required ISO 8601 time)");
        return **t;
    }

    // An optional array of objects: calls `each(FieldReader)` for every element.
    template <class Fn>
    std::expected<void, LookupError> forEachObject(std::string_view key, Fn&& each) const {
        const json* v = find(key);
        if (v == nullptr) return {};
        if (!v->is_array()) return badResponse(pathOf(key) + ": expected an array or null, got " + v->type_name());
        for (std::size_t i = 0; i < v->size(); ++i) {
            const std::string elementPath = pathOf(key) + "[" + std::to_string(i) + "]";
            const json& element = (*v)[i];
            if (!element.is_object()) {
                return badResponse(elementPath + ": expected an object, got " + element.type_name());
            }
            if (auto r = each(FieldReader{element, elementPath}); !r) return r;
        }
        return {};
    }

    // An optional nested object: nullptr reader when absent or null.
    std::expected<std::optional<FieldReader>, LookupError> optionalObject(std::string_view key) const {
        const json* v = find(key);
        if (v == nullptr) return std::optional<FieldReader>{};
        if (!v->is_object()) return badResponse(pathOf(key) + ": expected an object or null, got " + v->type_name());
        return std::optional<FieldReader>{FieldReader{*v, pathOf(key)}};
    }

private:
    const json& m_object;
    std::string m_path;
};

// Shorthand: evaluate a std::expected, return its error from the enclosing function, else yield the value.
// `var` names the variable it declares, so it cannot be parenthesised.
// NOLINTBEGIN(bugprone-macro-parentheses)
#define KIOSK_TRY(var, expr)                                  \
    auto var##_result = (expr);                               \
    if (!var##_result) return std::unexpected(var##_result.error()); \
    auto var = std::move(*var##_result)
// NOLINTEND(bugprone-macro-parentheses)

std::expected<json, LookupError> parseObject(std::string_view body) {
    if (body.empty()) return badResponse("body is empty");
    if (!detail::jsonDepthWithin(body, kMaxJsonDepth)) {
        return badResponse("JSON nests deeper than " + std::to_string(kMaxJsonDepth) + " levels");
    }
    json doc = json::parse(body, nullptr, /*allow_exceptions=*/false);
    if (doc.is_discarded()) return badResponse("body is not valid JSON");
    if (!doc.is_object()) return badResponse("top level: expected an object, got " + std::string{doc.type_name()});
    return doc;
}

// A follow-up link for the citizen's phone must be a plain web link about the dossier, never one that
// carries a citizen ID number: links with a long digit run (an ID or a phone) are dropped.
std::string safePublicUrl(std::string url) {
    if (!url.starts_with("https://") && !url.starts_with("http://")) return {};
    int run = 0;
    for (const char c : url) {
        run = (c >= '0' && c <= '9') ? run + 1 : 0;
        if (run >= 9) return {};
    }
    for (const char c : url) {
        if (static_cast<unsigned char>(c) <= 0x20) return {};
    }
    return url;
}

}  // namespace

Dossier maskDossier(Dossier d) {
    auto clean = [](std::string& s) { s = cleanText(s); };
    auto masked = [](std::string& s) { s = maskPersonalNumbersInText(cleanText(s)); };
    clean(d.code);
    clean(d.procedureCode);
    masked(d.procedureName);
    masked(d.agency);
    // Masked whatever the source did: a name that arrives already masked ("Nguyễn V** A*") stays so.
    clean(d.applicantMasked);
    if (!d.applicantMasked.empty()) d.applicantMasked = maskPersonName(d.applicantMasked);
    for (HistoryStep& step : d.history) {
        masked(step.unit);
        masked(step.action);
        masked(step.note);
    }
    for (MissingDocument& doc : d.missingDocuments) {
        masked(doc.name);
        masked(doc.note);
    }
    for (Fee& fee : d.fees) {
        masked(fee.description);
        masked(fee.howToPay);
        fee.payUrl = safePublicUrl(cleanText(fee.payUrl));
    }
    if (d.pickup) {
        masked(d.pickup->place);
        masked(d.pickup->counter);
    }
    masked(d.resultDelivery);
    masked(d.backendNote);
    d.publicLookupUrl = safePublicUrl(cleanText(d.publicLookupUrl));
    return d;
}

namespace {

std::expected<Dossier, LookupError> mapObject(const json& doc, std::string_view expectedCode) {
    const FieldReader top{doc, ""};
    Dossier d;
    KIOSK_TRY(code, top.requiredString("code"));
    if (code.empty()) return badResponse("code: empty");
    if (!expectedCode.empty() && code != expectedCode) return badResponse("code: does not match the requested code");
    d.code = std::move(code);

    KIOSK_TRY(status, top.requiredInteger("status"));
    d.rawStatus = status;
    d.status = statusFromCode(status);

    KIOSK_TRY(procedure, top.optionalObject("procedure"));
    if (!procedure) return badResponse("procedure: missing (required object)");
    KIOSK_TRY(procedureName, procedure->requiredString("name"));
    KIOSK_TRY(procedureCode, procedure->optionalString("code"));
    d.procedureName = std::move(procedureName);
    d.procedureCode = std::move(procedureCode);

    KIOSK_TRY(agency, top.optionalString("agency"));
    d.agency = std::move(agency);
    KIOSK_TRY(applicant, top.optionalString("applicant_name"));
    d.applicantMasked = std::move(applicant);  // masked by maskDossier below

    KIOSK_TRY(received, top.optionalTime("received_at"));
    KIOSK_TRY(due, top.optionalTime("due_at"));
    KIOSK_TRY(finished, top.optionalTime("finished_at"));
    d.received = received;
    d.due = due;
    d.finished = finished;

    auto history = top.forEachObject("history", [&](const FieldReader& r) -> std::expected<void, LookupError> {
        HistoryStep step;
        KIOSK_TRY(at, r.requiredTime("at"));
        KIOSK_TRY(unit, r.requiredString("unit"));
        KIOSK_TRY(action, r.requiredString("action"));
        KIOSK_TRY(note, r.optionalString("note"));
        step.at = at;
        step.unit = std::move(unit);
        step.action = std::move(action);
        step.note = std::move(note);
        d.history.push_back(std::move(step));
        return {};
    });
    if (!history) return std::unexpected(history.error());

    auto missing = top.forEachObject("missing_documents", [&](const FieldReader& r) -> std::expected<void, LookupError> {
        MissingDocument doc;
        KIOSK_TRY(name, r.requiredString("name"));
        KIOSK_TRY(note, r.optionalString("note"));
        doc.name = std::move(name);
        doc.note = std::move(note);
        d.missingDocuments.push_back(std::move(doc));
        return {};
    });
    if (!missing) return std::unexpected(missing.error());

    auto fees = top.forEachObject("fees", [&](const FieldReader& r) -> std::expected<void, LookupError> {
        Fee fee;
        KIOSK_TRY(description, r.requiredString("description"));
        KIOSK_TRY(amount, r.requiredInteger("amount_vnd"));
        if (amount < 0) return badResponse(r.pathOf("amount_vnd") + ": negative amount");
        KIOSK_TRY(paid, r.requiredBool("paid"));
        KIOSK_TRY(howToPay, r.optionalString("how_to_pay"));
        KIOSK_TRY(payUrl, r.optionalString("pay_url"));
        fee.description = std::move(description);
        fee.amountVnd = amount;
        fee.paid = paid;
        fee.howToPay = std::move(howToPay);
        fee.payUrl = std::move(payUrl);
        d.fees.push_back(std::move(fee));
        return {};
    });
    if (!fees) return std::unexpected(fees.error());

    KIOSK_TRY(pickupReader, top.optionalObject("pickup"));
    if (pickupReader) {
        Pickup p;
        KIOSK_TRY(place, pickupReader->requiredString("place"));
        KIOSK_TRY(counter, pickupReader->optionalString("counter"));
        KIOSK_TRY(from, pickupReader->optionalTime("from"));
        p.place = std::move(place);
        p.counter = std::move(counter);
        p.from = from;
        d.pickup = std::move(p);
    }

    KIOSK_TRY(delivery, top.optionalObject("result_delivery"));
    if (delivery) {
        KIOSK_TRY(online, delivery->requiredBool("online"));
        KIOSK_TRY(description, delivery->optionalString("description"));
        d.resultOnline = online;
        d.resultDelivery = std::move(description);
    }

    KIOSK_TRY(note, top.optionalString("note"));
    d.backendNote = std::move(note);
    KIOSK_TRY(publicUrl, top.optionalString("public_url"));
    d.publicLookupUrl = std::move(publicUrl);
    return maskDossier(std::move(d));
}

json timeOrNull(const std::optional<ZonedTime>& t) { return t ? json(formatIsoTime(*t)) : json(nullptr); }

}  // namespace

std::expected<Dossier, LookupError> mapDossier(std::string_view body, std::string_view expectedCode) {
    KIOSK_TRY(doc, parseObject(body));
    return mapObject(doc, expectedCode);
}

std::expected<std::string, LookupError> mapReceiptToken(std::string_view body) {
    KIOSK_TRY(doc, parseObject(body));
    const FieldReader top{doc, ""};
    KIOSK_TRY(code, top.requiredString("code"));
    if (code.empty()) return badResponse("code: empty");
    return code;
}

std::string dossierToJson(const Dossier& d) {
    json out;
    out["code"] = d.code;
    out["status"] = d.status == DossierStatus::Unknown ? json(nullptr) : json(static_cast<int>(d.status));
    out["raw_status"] = d.rawStatus;
    out["procedure"] = {{"code", d.procedureCode}, {"name", d.procedureName}};
    out["agency"] = d.agency;
    out["applicant"] = d.applicantMasked;
    out["received"] = timeOrNull(d.received);
    out["due"] = timeOrNull(d.due);
    out["finished"] = timeOrNull(d.finished);
    json history = json::array();
    for (const auto& s : d.history) {
        history.push_back({{"at", formatIsoTime(s.at)}, {"unit", s.unit}, {"action", s.action}, {"note", s.note}});
    }
    out["history"] = std::move(history);
    json missing = json::array();
    for (const auto& m : d.missingDocuments) missing.push_back({{"name", m.name}, {"note", m.note}});
    out["missing_documents"] = std::move(missing);
    json fees = json::array();
    for (const auto& f : d.fees) {
        fees.push_back({{"description", f.description}, {"amount_vnd", f.amountVnd}, {"paid", f.paid},
                        {"how_to_pay", f.howToPay}, {"pay_url", f.payUrl}});
    }
    out["fees"] = std::move(fees);
    if (d.pickup) {
        out["pickup"] = {{"place", d.pickup->place}, {"counter", d.pickup->counter}, {"from", timeOrNull(d.pickup->from)}};
    } else {
        out["pickup"] = nullptr;
    }
    out["result_delivery"] = {{"online", d.resultOnline}, {"description", d.resultDelivery}};
    out["note"] = d.backendNote;
    out["public_url"] = d.publicLookupUrl;
    // Replace, not throw: every string here went through toNfcLossy, but a bug must not crash the CLI.
    return out.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace kiosk::core
