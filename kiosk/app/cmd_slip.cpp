// `kiosk slip status CODE --out FILE`: writes the dossier-status slip as a PNG preview (.png) or
// as the ESC/POS job (.bin).
//
// Until the backend client lands, the dossier comes from --dossier-json FILE: one object with the
// keys `kiosk lookup` prints (kiosk/core/api dossierToJson): code, status, procedure{code,name},
// agency, applicant (already masked), due (ISO 8601), pickup{place,counter,from}, public_url; plus
// an optional "texts" object {status_title, next_step, due_line} with the translated wording and an
// optional "office". Missing texts fall back to the portal's Vietnamese status names.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>

#include "kiosk/app/commands.hpp"
#include "kiosk/app/slip_fonts.hpp"
#include "kiosk/core/escpos/escpos_encoder.hpp"
#include "kiosk/core/slip/status_slip.hpp"

namespace kiosk::app {

namespace {

using nlohmann::json;

// The national portal's status names (DESIGN.md), used when the input carries no translated title.
const char* portalStatusName(core::DossierStatus s) {
    switch (s) {
        case core::DossierStatus::Registered: return "Mới đăng ký";
        case core::DossierStatus::Accepted: return "Được tiếp nhận";
        case core::DossierStatus::Rejected: return "Không được tiếp nhận";
        case core::DossierStatus::Processing: return "Đang xử lý";
        case core::DossierStatus::NeedsDocuments: return "Yêu cầu bổ sung giấy tờ";
        case core::DossierStatus::NeedsPayment: return "Yêu cầu thực hiện nghĩa vụ tài chính";
        case core::DossierStatus::WithdrawnByCitizen: return "Công dân yêu cầu rút hồ sơ";
        case core::DossierStatus::Stopped: return "Dừng xử lý";
        case core::DossierStatus::Done: return "Đã xử lý xong";
        case core::DossierStatus::Returned: return "Đã trả kết quả";
        case core::DossierStatus::Unknown: break;
    }
    return "Trạng thái không xác định";
}

// "2026-12-03T10:00:00+07:00" / "...Z"; seconds optional.
std::optional<core::ZonedTime> parseIsoTime(const std::string& s) {
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0, consumed = 0;
    if (std::sscanf(s.c_str(), "%4d-%2d-%2dT%2d:%2d%n", &y, &mo, &d, &h, &mi, &consumed) != 5) return std::nullopt;
    std::string rest = s.substr(static_cast<std::size_t>(consumed));
    if (rest.size() >= 3 && rest[0] == ':') {
        sec = std::atoi(rest.substr(1, 2).c_str());
        rest = rest.substr(3);
    }
    int offsetMin = 0;
    if (rest == "Z") {
        offsetMin = 0;
    } else if (rest.size() == 6 && (rest[0] == '+' || rest[0] == '-') && rest[3] == ':') {
        offsetMin = std::atoi(rest.substr(1, 2).c_str()) * 60 + std::atoi(rest.substr(4, 2).c_str());
        if (rest[0] == '-') offsetMin = -offsetMin;
    } else {
        return std::nullopt;
    }
    using namespace std::chrono;
    const year_month_day ymd{year{y}, month{static_cast<unsigned>(mo)}, day{static_cast<unsigned>(d)}};
    if (!ymd.ok() || h > 23 || mi > 59 || sec > 60) return std::nullopt;
    const auto local = sys_days{ymd} + hours{h} + minutes{mi} + seconds{sec};
    return core::ZonedTime{time_point_cast<seconds>(local - minutes{offsetMin}), minutes{offsetMin}};
}

struct SlipInput {
    core::Dossier dossier;
    core::slip::StatusSlipInput texts;
};

core::Result<SlipInput> readDossierJson(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return core::fail(core::ErrorKind::Io, "cannot read " + path);
    const std::string body{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    if (body.size() > 1024 * 1024) return core::fail(core::ErrorKind::InvalidInput, path + ": larger than 1 MiB");
    const json j = json::parse(body, nullptr, false);
    if (j.is_discarded() || !j.is_object()) return core::fail(core::ErrorKind::Parse, path + ": not a JSON object");
    SlipInput out;
    auto& d = out.dossier;
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
        auto t = parseIsoTime(*s);
        if (!t) return core::fail(core::ErrorKind::Parse, path + ": \"" + key + "\" is not an ISO 8601 time");
        return t;
    };
#define KIOSK_TAKE(target, expr)                             \
    do {                                                     \
        auto v_ = (expr);                                    \
        if (!v_) return std::unexpected(v_.error());         \
        target = std::move(*v_);                             \
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
    KIOSK_TAKE(d.publicLookupUrl, str(j, "public_url"));
    if (const auto it = j.find("pickup"); it != j.end() && it->is_object()) {
        core::Pickup p;
        KIOSK_TAKE(p.place, str(*it, "place"));
        KIOSK_TAKE(p.counter, str(*it, "counter"));
        KIOSK_TAKE(p.from, time(*it, "from"));
        d.pickup = p;
    }
    auto& t = out.texts;
    if (const auto it = j.find("texts"); it != j.end() && it->is_object()) {
        KIOSK_TAKE(t.statusTitle, str(*it, "status_title"));
        KIOSK_TAKE(t.nextStep, str(*it, "next_step"));
        KIOSK_TAKE(t.dueLine, str(*it, "due_line"));
    }
    KIOSK_TAKE(t.officeName, str(j, "office"));
#undef KIOSK_TAKE
    if (t.statusTitle.empty()) t.statusTitle = portalStatusName(d.status);
    return out;
}

core::ZonedTime nowInVietnam() {
    return core::ZonedTime{std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now()),
                           std::chrono::minutes{7 * 60}};
}

// Days between local calendar dates, for the default due line of unfinished dossiers.
std::string defaultDueLine(const core::Dossier& d, const core::ZonedTime& now) {
    using core::DossierStatus;
    if (!d.due || d.status == DossierStatus::Done || d.status == DossierStatus::Returned ||
        d.status == DossierStatus::Rejected || d.status == DossierStatus::WithdrawnByCitizen ||
        d.status == DossierStatus::Stopped) {
        return {};
    }
    using namespace std::chrono;
    const auto days = (floor<std::chrono::days>(d.due->local()) - floor<std::chrono::days>(now.local())).count();
    if (days > 0) return "Còn " + std::to_string(days) + " ngày đến hạn trả";
    if (days == 0) return "Hôm nay là ngày hẹn trả";
    return "Quá hạn " + std::to_string(-days) + " ngày";
}

bool endsWith(const std::string& s, const std::string& suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

int runSlipStatus(const GlobalOptions& global, const std::string& code, const std::string& outPath,
                  const std::string& dossierJson, int width, const std::string& office, bool showName,
                  bool nativeQr) {
    if (!endsWith(outPath, ".png") && !endsWith(outPath, ".bin")) {
        std::cerr << "kiosk slip: --out must end in .png (preview) or .bin (ESC/POS job)\n";
        return 2;
    }
    if (dossierJson.empty()) {
        std::cerr << "kiosk slip: looking the dossier up on the backend"
                  << (global.backend ? " (" + *global.backend + ")" : std::string{})
                  << " is not connected yet; pass --dossier-json FILE\n";
        return 2;
    }
    auto input = readDossierJson(dossierJson);
    if (!input) {
        std::cerr << "kiosk slip: " << input.error().message << "\n";
        return 1;
    }
    if (input->dossier.code != code) {
        std::cerr << "kiosk slip: " << dossierJson << " describes dossier " << input->dossier.code << ", not " << code << "\n";
        return 1;
    }
    auto fonts = loadSlipFonts();
    if (!fonts) {
        std::cerr << "kiosk slip: " << fonts.error().message << "\n";
        return 1;
    }
    auto renderer = core::slip::SlipRenderer::create(fonts->data());
    if (!renderer) {
        std::cerr << "kiosk slip: " << renderer.error().message << "\n";
        return 1;
    }
    auto texts = input->texts;
    texts.printedAt = nowInVietnam();
    texts.includeApplicant = showName;
    if (!office.empty()) texts.officeName = office;
    if (texts.dueLine.empty()) texts.dueLine = defaultDueLine(input->dossier, texts.printedAt);
    auto rendered = renderer->render(core::slip::buildStatusSlip(input->dossier, texts), {.paperWidthDots = width});
    if (!rendered) {
        std::cerr << "kiosk slip: " << rendered.error().message << "\n";
        return 1;
    }
    std::vector<std::uint8_t> bytes;
    if (endsWith(outPath, ".png")) {
        auto png = core::slip::encodePng(rendered->raster);
        if (!png) {
            std::cerr << "kiosk slip: " << png.error().message << "\n";
            return 1;
        }
        bytes = std::move(*png);
    } else {
        bytes = core::escpos::encodeSlipJob(*rendered, {.nativeQr = nativeQr});
    }
    std::ofstream out(outPath, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out) {
        std::cerr << "kiosk slip: cannot write " << outPath << "\n";
        return 1;
    }
    std::cout << "wrote " << outPath << " (" << rendered->raster.width << "x" << rendered->raster.height << " dots, "
              << bytes.size() << " bytes)\n";
    return 0;
}

}  // namespace

void registerSlip(CLI::App& cli, const GlobalOptions& options, CommandResult& result) {
    auto* slip = cli.add_subcommand("slip", "Write a slip as a PNG preview or an ESC/POS job");
    slip->require_subcommand(1);
    auto* status = slip->add_subcommand("status", "The dossier-status slip");
    struct Args {
        std::string code;
        std::string out;
        std::string dossierJson;
        int width = 384;
        std::string office;
        bool showName = false;
        bool nativeQr = false;
    };
    auto args = std::make_shared<Args>();
    status->add_option("CODE", args->code, "Dossier code")->required();
    status->add_option("--out", args->out, "Output file: .png preview or .bin ESC/POS job")->required();
    status->add_option("--dossier-json", args->dossierJson, "Dossier as JSON (the shape `kiosk lookup` prints)");
    status->add_option("--width", args->width, "Paper width in dots (384 = 58 mm, 576 = 80 mm)")
        ->check(CLI::IsMember({384, 576}));
    status->add_option("--office", args->office, "Office name for the footer");
    status->add_flag("--show-name", args->showName, "Print the masked applicant name");
    status->add_flag("--native-qr", args->nativeQr, "In .bin output, print the QR with the printer's own GS ( k command");
    status->callback([&options, &result, args] {
        result.exitCode = runSlipStatus(options, args->code, args->out, args->dossierJson, args->width, args->office,
                                        args->showName, args->nativeQr);
    });
}

}  // namespace kiosk::app
