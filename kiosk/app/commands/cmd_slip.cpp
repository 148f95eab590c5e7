// `kiosk slip status CODE --out FILE` and `kiosk slip guidance ID --out FILE`: write a slip as a PNG
// preview (.png) or as the ESC/POS job (.bin), exactly as the kiosk's Print button makes it (SlipMaker,
// slip_jobs.hpp), with the settings of the configuration layers (--config, --backend, --token-file).
//
// The status slip's dossier comes from the backend, looked up like `kiosk lookup` does (CODE may be a
// receipt link or a token link, read with core::readReceipt). `--dossier-json FILE` is the offline
// alternative: one object with the keys `kiosk lookup` prints (kiosk/core/api dossierToJson): code,
// status, procedure{code,name}, agency, applicant (already masked), due, finished (ISO 8601),
// pickup{place,counter,from}, missing_documents[{name,note}], fees[{description,amount_vnd,paid}],
// public_url. The wording always comes from the string tables.
//
// Exit codes: 0 written; 1 the slip could not be made (one line on stderr: `kiosk slip: KIND: message`,
// KIND as `kiosk lookup` names lookup errors, or config/invalid/io); 2 usage error.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <chrono>
#include <fstream>
#include <iostream>
#include <iterator>
#include <optional>
#include <variant>

#include "kiosk/app/services/backend_client.hpp"
#include "kiosk/app/commands/commands.hpp"
#include "kiosk/app/composition/devices.hpp"
#include "kiosk/app/composition/load_settings.hpp"
#include "kiosk/app/services/slip_jobs.hpp"
#include "kiosk/core/api/dossier_mapping.hpp"
#include "kiosk/core/api/iso_time.hpp"
#include "kiosk/core/guidance/guidance_catalog.hpp"
#include "kiosk/core/receipt/receipt.hpp"

namespace kiosk::app {

namespace {

using nlohmann::json;

/// Options shared by both slip kinds.
struct SlipArgs {
    std::string out;
    std::string lang;                 ///< empty = language.default
    std::optional<int> width;         ///< empty = printer.width_dots
    std::string office;               ///< empty = office.name
    bool nativeQr = false;
};

int fail(std::string_view kind, std::string_view message) {
    std::cerr << "kiosk slip: " << kind << ": " << message << "\n";
    return 1;
}

bool endsWith(const std::string& s, const std::string& suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// The office's zone (office.time_zone), as the kiosk screen uses it; an unknown zone is an error.
core::ZonedTime nowAt(const core::TimeZone& zone) {
    return zone.at(std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now()));
}

core::Result<core::Dossier> readDossierJson(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return core::fail(core::ErrorKind::Io, "cannot read " + path);
    const std::string body{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    if (body.size() > 1024 * 1024) return core::fail(core::ErrorKind::InvalidInput, path + ": larger than 1 MiB");
    const json j = json::parse(body, nullptr, false);
    if (j.is_discarded() || !j.is_object()) return core::fail(core::ErrorKind::Parse, path + ": not a JSON object");
    const auto str = [&](const json& o, const char* key) -> core::Result<std::string> {
        const auto it = o.find(key);
        if (it == o.end() || it->is_null()) return std::string{};
        if (!it->is_string()) return core::fail(core::ErrorKind::Parse, path + ": \"" + key + "\" must be a string");
        return it->get<std::string>();
    };
    const auto time = [&](const json& o, const char* key) -> core::Result<std::optional<core::ZonedTime>> {
        auto s = str(o, key);
        if (!s) return std::unexpected(s.error());
        if (s->empty()) return std::optional<core::ZonedTime>{};
        auto t = core::parseIsoTime(*s);
        if (!t) return core::fail(core::ErrorKind::Parse, path + ": \"" + key + "\" is not an ISO 8601 time");
        return t;
    };
    core::Dossier d;
#define KIOSK_TAKE(target, expr)                     \
    do {                                             \
        auto v_ = (expr);                            \
        if (!v_) return std::unexpected(v_.error()); \
        (target) = std::move(*v_);                   \
    } while (false)
    KIOSK_TAKE(d.code, str(j, "code"));
    if (d.code.empty()) return core::fail(core::ErrorKind::Parse, path + ": \"code\" is required");
    if (const auto it = j.find("status"); it != j.end() && !it->is_null()) {
        if (!it->is_number_integer()) return core::fail(core::ErrorKind::Parse, path + ": \"status\" must be an integer");
        d.rawStatus = it->get<std::int64_t>();
        d.status = core::statusFromCode(d.rawStatus);
    }
    if (const auto it = j.find("procedure"); it != j.end() && it->is_object()) {
        KIOSK_TAKE(d.procedureCode, str(*it, "code"));
        KIOSK_TAKE(d.procedureName, str(*it, "name"));
    }
    KIOSK_TAKE(d.agency, str(j, "agency"));
    KIOSK_TAKE(d.applicantMasked, str(j, "applicant"));
    KIOSK_TAKE(d.due, time(j, "due"));
    KIOSK_TAKE(d.finished, time(j, "finished"));
    KIOSK_TAKE(d.publicLookupUrl, str(j, "public_url"));
    if (const auto it = j.find("pickup"); it != j.end() && it->is_object()) {
        core::Pickup p;
        KIOSK_TAKE(p.place, str(*it, "place"));
        KIOSK_TAKE(p.counter, str(*it, "counter"));
        KIOSK_TAKE(p.from, time(*it, "from"));
        d.pickup = p;
    }
    if (const auto it = j.find("missing_documents"); it != j.end() && it->is_array()) {
        for (const auto& m : *it) {
            if (!m.is_object()) return core::fail(core::ErrorKind::Parse, path + ": \"missing_documents\" must hold objects");
            core::MissingDocument doc;
            KIOSK_TAKE(doc.name, str(m, "name"));
            KIOSK_TAKE(doc.note, str(m, "note"));
            d.missingDocuments.push_back(std::move(doc));
        }
    }
    if (const auto it = j.find("fees"); it != j.end() && it->is_array()) {
        for (const auto& f : *it) {
            if (!f.is_object()) return core::fail(core::ErrorKind::Parse, path + ": \"fees\" must hold objects");
            core::Fee fee;
            KIOSK_TAKE(fee.description, str(f, "description"));
            const auto amount = f.find("amount_vnd");
            const auto paid = f.find("paid");
            if ((amount != f.end() && !amount->is_number_integer()) || (paid != f.end() && !paid->is_boolean())) {
                return core::fail(core::ErrorKind::Parse, path + ": a fee needs an integer \"amount_vnd\" and a boolean \"paid\"");
            }
            if (amount != f.end()) fee.amountVnd = amount->get<std::int64_t>();
            if (paid != f.end()) fee.paid = paid->get<bool>();
            d.fees.push_back(std::move(fee));
        }
    }
#undef KIOSK_TAKE
    // The same cleaning and masking as a backend reply: this file may hold a name and ID in clear.
    return core::maskDossier(std::move(d));
}

// Settings from the configuration layers, with this run's slip options on top. nullopt after a message.
std::optional<core::Settings> slipSettings(const GlobalOptions& global, const SlipArgs& args, core::Language& language,
                                           int& exitCode) {
    auto loaded = loadSettingsFor(global);
    if (!loaded) {
        exitCode = fail("config", loaded.error().message);
        return std::nullopt;
    }
    core::Settings settings = std::move(loaded->settings);
    if (args.width) settings.printer.widthDots = *args.width;
    if (!args.office.empty()) settings.office.name = args.office;
    language = args.lang.empty() ? settings.language.defaultLanguage
                                 : core::languageFromString(args.lang).value_or(settings.language.defaultLanguage);
    return settings;
}

// Writes the slip as .png or .bin and says so on stdout.
int writeSlip(const SlipMaker& maker, const core::slip::RenderedSlip& slip, const SlipArgs& args) {
    std::vector<std::uint8_t> bytes;
    if (endsWith(args.out, ".png")) {
        auto png = SlipMaker::png(slip);
        if (!png) return fail("io", png.error().message);
        bytes = std::move(*png);
    } else {
        bytes = maker.escposJob(slip, args.nativeQr);
    }
    std::ofstream out(args.out, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out) return fail("io", "cannot write " + args.out);
    std::cout << "wrote " << args.out << " (" << slip.raster.width << "x" << slip.raster.height << " dots, "
              << bytes.size() << " bytes)\n";
    return 0;
}

// Checked here rather than with CLI11 validators so that every usage error exits 2 (CLI11's own
// parse errors exit with its codes, 105 and up).
bool usageOk(const SlipArgs& args) {
    if (!endsWith(args.out, ".png") && !endsWith(args.out, ".bin")) {
        std::cerr << "kiosk slip: --out must end in .png (preview) or .bin (ESC/POS job)\n";
        return false;
    }
    if (!args.lang.empty() && !core::languageFromString(args.lang)) {
        std::cerr << "kiosk slip: --lang must be vi or en, not " << args.lang << "\n";
        return false;
    }
    if (args.width && *args.width != 384 && *args.width != 576) {
        std::cerr << "kiosk slip: --width must be 384 (58 mm) or 576 (80 mm)\n";
        return false;
    }
    return true;
}

// The dossier for CODE: from --dossier-json, or from the backend like `kiosk lookup`.
std::optional<core::Dossier> findDossier(const core::Settings& settings, const std::string& text,
                                         const std::string& dossierJson, int& exitCode) {
    const core::ReceiptReading reading = core::readReceipt(text, settings.receipt);
    if (const auto* bad = std::get_if<core::NotAReceipt>(&reading)) {
        exitCode = fail("invalid", std::string{"not a dossier code or receipt link: "} + std::string{core::toString(bad->reason)});
        return std::nullopt;
    }
    if (!dossierJson.empty()) {
        const auto* code = std::get_if<core::DossierCode>(&reading);
        if (code == nullptr) {
            exitCode = fail("invalid", "a token link can only be resolved by the backend; give the dossier code with --dossier-json");
            return std::nullopt;
        }
        auto dossier = readDossierJson(dossierJson);
        if (!dossier) {
            exitCode = fail(core::toString(dossier.error().kind), dossier.error().message);
            return std::nullopt;
        }
        if (dossier->code != code->value) {
            exitCode = fail("invalid", dossierJson + " describes dossier " + dossier->code + ", not " + code->value);
            return std::nullopt;
        }
        return std::move(*dossier);
    }
    auto options = backendOptionsFrom(settings.backend);
    if (!options) {
        exitCode = fail(core::toString(options.error().kind), options.error().diagnostic);
        return std::nullopt;
    }
    Devices devices = buildDevices(settings, DeviceSet::httpOnly());
    BackendClient client{*devices.http, *options};
    std::string code;
    if (const auto* token = std::get_if<core::ReceiptToken>(&reading)) {
        auto resolved = client.resolveToken(token->value, nullptr);
        if (!resolved) {
            exitCode = fail(core::toString(resolved.error().kind), resolved.error().diagnostic);
            return std::nullopt;
        }
        code = std::move(*resolved);
    } else {
        code = std::get<core::DossierCode>(reading).value;
    }
    auto dossier = client.lookupDossier(code, nullptr);
    if (!dossier) {
        exitCode = fail(core::toString(dossier.error().kind), dossier.error().diagnostic);
        return std::nullopt;
    }
    return std::move(*dossier);
}

int runSlipStatus(const GlobalOptions& global, const std::string& text, const SlipArgs& args, const std::string& dossierJson,
                  bool showName) {
    if (!usageOk(args)) return 2;
    // The backend client's retry and failure logs would repeat the one error line this command
    // prints; only its errors (bugs, not lookup outcomes) go to stderr. stdout carries the "wrote" line.
    spdlog::set_default_logger(spdlog::stderr_color_mt("slip"));
    spdlog::set_level(spdlog::level::err);
    int exitCode = 1;
    core::Language language = core::Language::Vi;
    auto settings = slipSettings(global, args, language, exitCode);
    if (!settings) return exitCode;
    if (showName) settings->printer.printApplicantName = true;
    auto dossier = findDossier(*settings, text, dossierJson, exitCode);
    if (!dossier) return exitCode;
    auto zone = officeTimeZone(*settings);
    if (!zone) return fail(core::toString(zone.error().kind), zone.error().message);
    auto maker = SlipMaker::create(*settings, *zone);
    if (!maker) return fail(core::toString(maker.error().kind), maker.error().message);
    auto slip = maker->statusSlip(*dossier, language, nowAt(*zone));
    if (!slip) return fail(core::toString(slip.error().kind), slip.error().message);
    return writeSlip(*maker, *slip, args);
}

int runSlipGuidance(const GlobalOptions& global, const std::string& id, const SlipArgs& args, std::string catalogPath) {
    if (!usageOk(args)) return 2;
    int exitCode = 1;
    core::Language language = core::Language::Vi;
    auto settings = slipSettings(global, args, language, exitCode);
    if (!settings) return exitCode;
    if (catalogPath.empty()) catalogPath = settings->paths.assetsDir + "/guidance/catalog.json";
    auto loaded = core::guidance::loadCatalog(catalogPath);
    if (!loaded) return fail(core::toString(loaded.error().kind), loaded.error().message);
    // Broken entries are left out, as on screen; say so, since the asked-for id may be one of them.
    for (const auto& issue : loaded->issues) std::cerr << "warning: guidance catalog: " << issue.text() << " (entry left out)\n";
    const auto* entry = loaded->catalog.find(id);
    if (entry == nullptr) return fail("not_found", "no guidance entry with id \"" + id + "\" in " + catalogPath);
    auto zone = officeTimeZone(*settings);
    if (!zone) return fail(core::toString(zone.error().kind), zone.error().message);
    auto maker = SlipMaker::create(*settings, *zone);
    if (!maker) return fail(core::toString(maker.error().kind), maker.error().message);
    auto slip = maker->guidanceSlip(*entry, language, nowAt(*zone));
    if (!slip) return fail(core::toString(slip.error().kind), slip.error().message);
    return writeSlip(*maker, *slip, args);
}

void addCommonOptions(CLI::App* cmd, SlipArgs& args) {
    cmd->add_option("--out", args.out, "Output file: .png preview or .bin ESC/POS job")->required();
    cmd->add_option("--lang", args.lang, "Language of the slip: vi or en (default: language.default)");
    cmd->add_option("--width", args.width, "Paper width in dots, 384 = 58 mm, 576 = 80 mm (default: printer.width_dots)");
    cmd->add_option("--office", args.office, "Office name for the footer (default: office.name)");
    cmd->add_flag("--native-qr", args.nativeQr, "In .bin output, print the QR with the printer's own GS ( k command");
}

}  // namespace

void registerSlipCommand(CLI::App& cli, const GlobalOptions& options, CommandResult& result) {
    auto* slip = cli.add_subcommand("slip", "Write a slip as a PNG preview or an ESC/POS job");
    slip->require_subcommand(1);

    struct StatusArgs {
        std::string code;
        SlipArgs common;
        std::string dossierJson;
        bool showName = false;
    };
    auto st = std::make_shared<StatusArgs>();
    auto* status = slip->add_subcommand("status", "The dossier-status slip, looked up on the backend");
    status->add_option("CODE", st->code, "Dossier code or receipt link, as scanned or typed")->required();
    addCommonOptions(status, st->common);
    status->add_option("--dossier-json", st->dossierJson,
                       "Offline: the dossier as JSON (the shape `kiosk lookup` prints) instead of the backend");
    status->add_flag("--show-name", st->showName, "Print the masked applicant name (default: printer.print_applicant_name)");
    status->callback([&options, &result, st] {
        result.exitCode = runSlipStatus(options, st->code, st->common, st->dossierJson, st->showName);
    });

    struct GuidanceArgs {
        std::string id;
        SlipArgs common;
        std::string catalog;
    };
    auto gd = std::make_shared<GuidanceArgs>();
    auto* guidance = slip->add_subcommand("guidance", "The guidance slip of one catalog entry");
    guidance->add_option("ID", gd->id, "Entry id, as printed by `kiosk guidance list`")->required();
    addCommonOptions(guidance, gd->common);
    guidance->add_option("--catalog", gd->catalog, "Catalog document or folder (default: the bundled assets)");
    guidance->callback([&options, &result, gd] {
        result.exitCode = runSlipGuidance(options, gd->id, gd->common, gd->catalog);
    });
}

}  // namespace kiosk::app
