// `kiosk check-backend`: the checks in order, and the report (a table, or JSON). The exchanges and their
// verdicts are in conformance_run.hpp, the checks of each endpoint in conformance_checks.cpp.
#include "kiosk/app/conformance/backend_conformance.hpp"

#include <algorithm>
#include <map>
#include <sstream>

#include "kiosk/app/conformance/conformance_run.hpp"
#include "kiosk/app/conformance/contract_document.hpp"
#include "kiosk/core/text/url_encoding.hpp"

namespace kiosk::app {

using namespace conformance_detail;  // the checks and their run, internal to this folder

std::string_view toString(Verdict verdict) {
    switch (verdict) {
        case Verdict::Pass: return "PASS";
        case Verdict::Warn: return "WARN";
        case Verdict::Fail: return "FAIL";
        case Verdict::Skip: return "SKIP";
    }
    return "FAIL";
}

bool ConformanceReport::conforms() const { return count(Verdict::Fail) == 0 && !checks.empty(); }

std::size_t ConformanceReport::count(Verdict verdict) const {
    return static_cast<std::size_t>(std::count_if(checks.begin(), checks.end(), [&](const auto& c) { return c.verdict == verdict; }));
}

ConformanceReport runConformance(platform::HttpClient& http, const BackendOptions& options, const ConformanceTargets& targets) {
    ConformanceReport report;
    report.backend = options.baseUrl;
    const auto& contract = embeddedContract();
    if (!contract) {
        report.checks.push_back({"contract", "docs/api/openapi.yaml", Verdict::Fail, "the embedded contract is unusable: " + contract.error(), ""});
        return report;
    }
    report.contractVersion = contract->version();
    Run run{http, options, *contract, report, targets.zone};

    std::vector<std::string> codes;
    codes.reserve(codes.size() + targets.codes.size());
    for (const auto& c : targets.codes) codes.push_back(c.value);
    const std::string probe = codes.empty() ? std::string{kUnknownCode} : codes.front();
    const std::string probeUrl = "/api/v1/dossiers/" + core::percentEncode(probe);

    // 1. The device token is required.
    const std::map<int, std::string> open = {
        {200, "anyone who can reach the backend reads dossiers; require 'Authorization: Bearer <device token>'"},
        {404, "answered before checking the token; check the device token first"}};
    const std::map<int, std::string> also403 = {{403, "the contract says 401 (the kiosk treats 401 and 403 alike)"}};
    if (!run.errorExchange("auth.no-token", probe, "", kDossierPath, probeUrl,
                           Expectation{401, "without a device token", also403, open})) {
        return report;  // unreachable: every other check would fail the same way
    }
    run.errorExchange("auth.wrong-token", probe, kWrongToken, kDossierPath, probeUrl,
                      Expectation{401, "with a wrong device token", also403, open});

    // 2. Dossiers: an unknown code, then each code given and each token link given.
    run.errorExchange("dossier.unknown", std::string{kUnknownCode}, options.token, kDossierPath,
                      "/api/v1/dossiers/" + core::percentEncode(kUnknownCode),
                      Expectation{404, "for a code nobody issued", {{410, "the contract says 404 (the kiosk treats 404 and 410 alike)"}},
                                  {{200, "a made-up code must not be found"}}});
    if (codes.empty()) {
        run.add("dossier.answer", "(no --code)", Verdict::Fail,
                "no dossier to look up: pass --code CODE with dossiers your system knows (ideally one per status 1-10)",
                "docs/api/integrator-guide.md, Step 3");
    }
    for (const auto& code : codes) checkDossier(run, code, code);

    run.errorExchange("token.unknown", std::string{kUnknownToken}, options.token, kTokenPath,
                      "/api/v1/receipt-tokens/" + core::percentEncode(kUnknownToken),
                      Expectation{404, "for a token nobody issued", {{410, "the contract says 404 (the kiosk treats 404 and 410 alike)"}}, {}});
    for (const auto& token : targets.tokens) {
        if (auto code = checkToken(run, token.value); code && std::find(codes.begin(), codes.end(), *code) == codes.end()) {
            codes.push_back(*code);
            checkDossier(run, *code, *code + " (from token)");
        }
    }

    // 3. The guidance catalog and its revalidation.
    checkCatalog(run);

    // 4. A test rating twice with one key, a test heartbeat.
    checkRatings(run, probe);
    checkHeartbeat(run);

    // 5. Enrolling a new kiosk (provisioning): an unknown code is refused.
    checkEnrolment(run);
    return report;
}

// [SECTION] Output

std::string formatReportTable(const ConformanceReport& report) {
    std::size_t idWidth = 5, subjectWidth = 7;
    for (const auto& c : report.checks) {
        idWidth = std::max(idWidth, c.id.size());
        subjectWidth = std::max(subjectWidth, std::min<std::size_t>(c.subject.size(), 40));
    }
    auto pad = [](std::string s, std::size_t width) {
        if (s.size() > width) s = s.substr(0, width - 3) + "...";
        s.resize(width, ' ');
        return s;
    };
    std::ostringstream out;
    out << "kiosk check-backend: " << report.backend << " against contract " << report.contractVersion
        << " (docs/api/openapi.yaml)\n";
    out << "RESULT  " << pad("CHECK", idWidth) << "  " << pad("SUBJECT", subjectWidth) << "  REASON  [CONTRACT]\n";
    for (const auto& c : report.checks) {
        out << pad(std::string{toString(c.verdict)}, 6) << "  " << pad(c.id, idWidth) << "  " << pad(c.subject, subjectWidth) << "  "
            << c.reason;
        if (!c.section.empty()) out << "  [" << c.section << "]";
        out << "\n";
    }
    out << report.checks.size() << " checks: " << report.count(Verdict::Pass) << " PASS, " << report.count(Verdict::Warn)
        << " WARN, " << report.count(Verdict::Fail) << " FAIL, " << report.count(Verdict::Skip) << " SKIP: "
        << (report.conforms() ? "the backend conforms to the contract" : "the backend does NOT conform (see the FAIL lines)") << "\n";
    return out.str();
}

std::string formatReportJson(const ConformanceReport& report) {
    json checks = json::array();
    for (const auto& c : report.checks) {
        checks.push_back({{"check", c.id},
                          {"subject", c.subject},
                          {"result", std::string{toString(c.verdict)}},
                          {"reason", c.reason},
                          {"contract", c.section}});
    }
    json doc{{"backend", report.backend},
             {"contract_version", report.contractVersion},
             {"conforms", report.conforms()},
             {"summary",
              {{"pass", report.count(Verdict::Pass)},
               {"warn", report.count(Verdict::Warn)},
               {"fail", report.count(Verdict::Fail)},
               {"skip", report.count(Verdict::Skip)}}},
             {"checks", std::move(checks)}};
    return doc.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace kiosk::app
