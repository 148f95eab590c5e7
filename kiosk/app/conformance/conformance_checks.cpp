// The checks of each endpoint: dossiers, receipt tokens, the guidance catalog, ratings, heartbeats and
// enrolment (the contract: docs/api/openapi.yaml).
#include "kiosk/app/conformance/conformance_run.hpp"

namespace kiosk::app::conformance_detail {

void checkDossier(Run& run, const std::string& code, const std::string& subject) {
    Expectation expect{200, "for a dossier the backend knows", {}, {{404, "the code was given with --code as one your system knows"}}};
    auto out = run.call(run.options().token, {"GET", "/api/v1/dossiers/" + core::percentEncode(code), {}, {}});
    run.judgeAnswer("dossier", subject, "get", kDossierPath, expect, out);
    core::SchemaReport report;
    run.judgeSchema("dossier", subject, run.sectionOf("get", kDossierPath, 200, out.spec), out, report);
    run.judgeText("dossier", subject, out);
    const bool timesOk = run.judgeTimes("dossier", subject, out, report);
    if (out.schemaOk && timesOk) {
        // Rules beyond the schema (the code must be the one asked for, ...): the kiosk's own reader decides.
        auto dossier = core::mapDossier(out.response->body, code);
        const std::string section = "docs/api/integrator-guide.md, The dossier";
        if (dossier) {
            run.add("dossier.kiosk", subject, Verdict::Pass,
                    "the kiosk reads it: status " + std::to_string(dossier->rawStatus) + ", " +
                        std::to_string(dossier->history.size()) + " history steps",
                    section);
        } else {
            run.add("dossier.kiosk", subject, Verdict::Fail, "the kiosk refuses it: " + dossier.error().diagnostic, section);
        }
    } else if (out.answerOk) {
        run.add("dossier.kiosk", subject, Verdict::Skip, "not tried: the answer breaks the schema", "");
    }
    run.judgeLimits("dossier", subject, out);
}

// @return the dossier code the token stands for, when it resolved
std::optional<std::string> checkToken(Run& run, const std::string& token) {
    Expectation expect{200, "for a receipt token the backend issued", {}, {{404, "the token link was given with --code as one your system issued"}}};
    auto out = run.call(run.options().token, {"GET", "/api/v1/receipt-tokens/" + core::percentEncode(token), {}, {}});
    run.judgeAnswer("token", token, "get", kTokenPath, expect, out);
    core::SchemaReport report;
    run.judgeSchema("token", token, run.sectionOf("get", kTokenPath, 200, out.spec), out, report);
    run.judgeText("token", token, out);
    std::optional<std::string> resolved;
    if (out.schemaOk) {
        auto code = core::mapReceiptToken(out.response->body);
        if (code) {
            run.add("token.kiosk", token, Verdict::Pass, "the kiosk reads it: resolves to " + *code, "docs/api/integrator-guide.md, Receipt tokens");
            resolved = *code;
        } else {
            run.add("token.kiosk", token, Verdict::Fail, "the kiosk refuses it: " + code.error().diagnostic, "docs/api/integrator-guide.md, Receipt tokens");
        }
    }
    run.judgeLimits("token", token, out);
    return resolved;
}

void checkCatalog(Run& run) {
    const std::string subject = "guidance catalog";
    Expectation expect{200, "for the guidance catalog", {{404, "no catalog of the province's own; kiosks keep the one they were installed with"}}, {}};
    auto out = run.call(run.options().token, {"GET", kCatalogPath, {}, {}});
    run.judgeAnswer("catalog", subject, "get", kCatalogPath, expect, out);
    const bool served = out.response && out.response->status == 200 && out.answerOk;
    core::SchemaReport report;
    if (served) {
        run.judgeSchema("catalog", subject, run.sectionOf("get", kCatalogPath, 200, out.spec), out, report);
        run.judgeText("catalog", subject, out);
        if (out.schemaOk) {
            auto loaded = core::guidance::parseCatalog(out.response->body, "backend");
            const std::string section = "docs/guidance-format.md (the backend form)";
            if (!loaded) {
                run.add("catalog.kiosk", subject, Verdict::Fail, "the kiosk's catalog loader refuses it: " + loaded.error().message, section);
            } else if (!loaded->issues.empty()) {
                run.add("catalog.kiosk", subject, Verdict::Warn,
                        std::to_string(loaded->issues.size()) + " entries left out by the kiosk; first: " + loaded->issues.front().text(),
                        section);
            } else {
                run.add("catalog.kiosk", subject, Verdict::Pass,
                        "the kiosk loads it: " + std::to_string(loaded->catalog.entries.size()) + " entries", section);
            }
        }
    }
    std::string etag;
    if (served && out.spec &&
        std::find(out.spec->requiredHeaders.begin(), out.spec->requiredHeaders.end(), "ETag") != out.spec->requiredHeaders.end()) {
        const std::string section = run.sectionOf("get", kCatalogPath, 200, out.spec) + " headers.ETag";
        etag = out.response->etag;
        if (etag.empty()) {
            run.add("catalog.etag", subject, Verdict::Fail,
                    "no ETag header: the kiosk cannot ask 'has it changed?' and downloads the whole catalog every time", section);
        } else if (etag.starts_with("W/")) {
            run.add("catalog.etag", subject, Verdict::Fail, "weak ETag (W/...): the contract asks for a strong validator of the bytes", section);
            etag.clear();
        } else {
            run.add("catalog.etag", subject, Verdict::Pass, "strong ETag " + etag, section);
        }
    }
    run.judgeLimits("catalog", subject, out);
    if (!served) return;

    const std::string again = "guidance catalog, If-None-Match";
    if (etag.empty()) {
        run.add("catalog.revalidate.answer", again, Verdict::Skip, "no ETag to send", "");
        return;
    }
    Expectation notModified{304, "to If-None-Match with the current ETag", {},
                            {{200, "the kiosk downloads the whole catalog at every check; answer 304 Not Modified"}}};
    auto second = run.call(run.options().token, {"GET", kCatalogPath, {{"If-None-Match", etag}}, {}});
    run.judgeAnswer("catalog.revalidate", again, "get", kCatalogPath, notModified, second);
    run.judgeLimits("catalog.revalidate", again, second);
}

void checkPost(Run& run, const std::string& id, const std::string& subject, const std::string& path, std::string body,
               std::vector<std::pair<std::string, std::string>> headers, const Expectation& expect) {
    headers.emplace_back("Content-Type", "application/json");
    auto out = run.call(run.options().token, {"POST", path, std::move(headers), std::move(body)});
    run.judgeAnswer(id, subject, "post", path, expect, out);
    run.judgeLimits(id, subject, out);
}

void checkRatings(Run& run, const std::string& dossierCode) {
    core::Rating rating;
    rating.dossierCode = dossierCode;
    rating.level = core::RatingLevel::Satisfied;
    rating.ratedAt = run.now();
    rating.kioskId = std::string{kTestKioskId};
    rating.idempotencyKey = randomKey();
    rating.test = true;
    const std::string body = core::buildRatingJson(rating);
    const std::string subject = rating.idempotencyKey;
    checkPost(run, "rating", subject, kRatingsPath, body, {{"Idempotency-Key", rating.idempotencyKey}},
              Expectation{201, "for a new rating", {{200, "the contract answers 201 Stored to a new key (the kiosk accepts any 2xx)"}}, {}});
    checkPost(run, "rating.repeat", subject, kRatingsPath, body, {{"Idempotency-Key", rating.idempotencyKey}},
              Expectation{200, "for the same rating sent again (same Idempotency-Key)", {},
                          {{201, "the rating would be counted twice; store one rating per Idempotency-Key and answer 200 to a repeat"},
                           {409, "the kiosk resends a rating whose answer it lost; a repeat must be answered 200, not refused"}}});
}

void checkHeartbeat(Run& run) {
    core::Heartbeat heartbeat;
    heartbeat.kioskId = std::string{kTestKioskId};
    heartbeat.version = "check-backend";
    heartbeat.sentAt = run.now();
    heartbeat.test = true;
    checkPost(run, "heartbeat", std::string{kTestKioskId}, kHeartbeatsPath, core::buildHeartbeatJson(heartbeat), {},
              Expectation{202, "for a heartbeat",
                          {{200, "the contract answers 202 Accepted (the kiosk accepts any 2xx)"},
                           {201, "the contract answers 202 Accepted (the kiosk accepts any 2xx)"},
                           {204, "the contract answers 202 Accepted (the kiosk accepts any 2xx)"}},
                          {}});
}

// Enrolment takes no device token: a made-up code must be refused as unknown (and not enrol anything).
void checkEnrolment(Run& run) {
    run.postErrorExchange(
        "enrolment.unknown", std::string{kUnknownEnrolmentCode}, "", kEnrolmentsPath,
        core::enrolmentRequestJson(kUnknownEnrolmentCode, kTestKioskId, "check-backend"),
        Expectation{404, "for an enrolment code nobody issued", {},
                    {{201, "a made-up enrolment code was accepted: only codes the province issued may enrol a kiosk"},
                     {401, "enrolment comes before the kiosk has a device token: accept it without one"}}});
}

}  // namespace kiosk::app::conformance_detail
