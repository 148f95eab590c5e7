#include "kiosk/core/config/config_loader.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include <sys/stat.h>

using namespace kiosk::core;

namespace {

/// Applies @p text as the fleet layer "fleet.toml" on the defaults and returns the issues.
std::vector<ConfigIssue> check(std::string_view text, LoadedSettings* out = nullptr) {
    LoadedSettings loaded = defaultSettings();
    std::vector<ConfigIssue> issues = applyConfigText(loaded, text, "fleet.toml", ConfigLayer::Fleet);
    if (out != nullptr) *out = std::move(loaded);
    return issues;
}

std::string readFile(const std::string& path) {
    std::ifstream in{path};
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::filesystem::path tempFile(const std::string& name, const std::string& text) {
    const auto dir = std::filesystem::temp_directory_path() / "kiosk_config_test";
    std::filesystem::create_directories(dir);
    const auto path = dir / name;
    std::ofstream{path} << text;
    return path;
}

}  // namespace

TEST(ConfigLoaderTest, DefaultsAreValidAndStartable) {
    const LoadedSettings loaded = defaultSettings();
    EXPECT_TRUE(crossCheck(loaded).empty());
    EXPECT_EQ(loaded.settings.backend.maxResponseBytes, 1024 * 1024);
    EXPECT_EQ(loaded.settings.ui.touchTargetPx, 96);
    EXPECT_EQ(loaded.settings.language.defaultLanguage, Language::Vi);
    EXPECT_FALSE(loaded.settings.printer.printApplicantName);
    EXPECT_EQ(loaded.sources.size(), knownConfigKeys().size());
    for (const auto& [key, source] : loaded.sources) EXPECT_EQ(source.layer, ConfigLayer::Default) << key;
}

TEST(ConfigLoaderTest, ValidValuesAreApplied) {
    LoadedSettings loaded;
    const auto issues = check(
        "[backend]\nurl = \"https://api.example.vn:8443/v1\"\nretries = 0\n"
        "[printer]\nuri = \"tcp://10.0.0.5:9100\"\nwidth_dots = 384\ncut = \"full\"\n"
        "[receipt]\ncode_parameters = [\"MHS\", \"ma\"]\n[ui]\nlarge_text = true\n",
        &loaded);
    ASSERT_TRUE(issues.empty()) << formatIssue(issues.front());
    EXPECT_EQ(loaded.settings.backend.url, "https://api.example.vn:8443/v1");
    EXPECT_EQ(loaded.settings.backend.retries, 0);
    EXPECT_EQ(loaded.settings.printer.widthDots, 384);
    EXPECT_EQ(loaded.settings.printer.cut, escpos::CutMode::Full);
    EXPECT_EQ(loaded.settings.receipt.codeParameters, (std::vector<std::string>{"MHS", "ma"}));
    EXPECT_TRUE(loaded.settings.ui.largeText);
}

TEST(ConfigLoaderTest, UnknownKeySuggestsClosest) {
    const auto issues = check("[backend]\nurl = \"http://127.0.0.1:1\"\nconect_timeout_ms = 100\n");
    ASSERT_EQ(issues.size(), 1u);
    EXPECT_EQ(issues[0].line, 3);
    EXPECT_EQ(issues[0].key, "backend.conect_timeout_ms");
    EXPECT_NE(issues[0].message.find("did you mean 'backend.connect_timeout_ms'"), std::string::npos);
}

TEST(ConfigLoaderTest, UnknownSectionSuggestsClosest) {
    const auto issues = check("\n[printr]\nuri = \"\"\n");
    ASSERT_EQ(issues.size(), 1u);
    EXPECT_EQ(issues[0].line, 2);
    EXPECT_EQ(issues[0].key, "printr");
    EXPECT_NE(issues[0].message.find("did you mean 'printer'"), std::string::npos);
}

TEST(ConfigLoaderTest, UnknownKeyFarFromAnyGetsNoSuggestion) {
    const auto issues = check("[ui]\nzzzzzzzzzzzzzzzz = 1\n");
    ASSERT_EQ(issues.size(), 1u);
    EXPECT_EQ(issues[0].message, "unknown key");
}

TEST(ConfigLoaderTest, WrongTypeReported) {
    LoadedSettings loaded;
    const auto issues = check("[ui]\nfullscreen = \"yes\"\nidle_timeout_s = 1.5\n", &loaded);
    ASSERT_EQ(issues.size(), 2u);
    EXPECT_EQ(issues[0].line, 2);
    EXPECT_EQ(issues[0].key, "ui.fullscreen");
    EXPECT_NE(issues[0].message.find("wrong type: expected true or false, got string"), std::string::npos);
    EXPECT_EQ(issues[1].line, 3);
    EXPECT_EQ(issues[1].key, "ui.idle_timeout_s");
    EXPECT_NE(issues[1].message.find("expected an integer"), std::string::npos);
    EXPECT_TRUE(loaded.settings.ui.fullscreen);  // rejected values keep the lower layer
    EXPECT_EQ(loaded.sources.at("ui.fullscreen").layer, ConfigLayer::Default);
}

TEST(ConfigLoaderTest, SectionThatIsNotATable) {
    const auto issues = check("backend = 3\n");
    ASSERT_EQ(issues.size(), 1u);
    EXPECT_EQ(issues[0].key, "backend");
    EXPECT_EQ(issues[0].line, 1);
    EXPECT_NE(issues[0].message.find("wrong type"), std::string::npos);
}

TEST(ConfigLoaderTest, ListElementOfWrongType) {
    const auto issues = check("[receipt]\ntrusted_hosts = [\"a.vn\", 5]\n");
    ASSERT_EQ(issues.size(), 1u);
    EXPECT_EQ(issues[0].key, "receipt.trusted_hosts");
    EXPECT_NE(issues[0].message.find("element 1"), std::string::npos);
}

TEST(ConfigLoaderTest, OutOfRangeReported) {
    const auto issues = check("[ui]\ntouch_target_px = 10\n[backend]\nmax_response_bytes = 999999999999\n");
    ASSERT_EQ(issues.size(), 2u);
    EXPECT_EQ(issues[0].key, "ui.touch_target_px");
    EXPECT_EQ(issues[0].line, 2);
    EXPECT_NE(issues[0].message.find("out of range"), std::string::npos);
    EXPECT_EQ(issues[1].key, "backend.max_response_bytes");
    EXPECT_EQ(issues[1].line, 4);
}

TEST(ConfigLoaderTest, IntegerChoices) {
    const auto issues = check("[printer]\nwidth_dots = 500\n");
    ASSERT_EQ(issues.size(), 1u);
    EXPECT_NE(issues[0].message.find("384 576"), std::string::npos);
}

TEST(ConfigLoaderTest, BadEnumValues) {
    const auto issues = check(
        "[printer]\ncut = \"half\"\n[camera]\nsource = \"webcam\"\n[operations]\nlog_level = \"verbose\"\n"
        "[language]\ndefault = \"fr\"\n");
    ASSERT_EQ(issues.size(), 4u);
    EXPECT_EQ(issues[0].key, "printer.cut");
    EXPECT_NE(issues[0].message.find("full partial none"), std::string::npos);
    EXPECT_EQ(issues[1].key, "camera.source");
    EXPECT_EQ(issues[1].line, 4);
    EXPECT_EQ(issues[2].key, "operations.log_level");
    EXPECT_EQ(issues[3].key, "language.default");
    EXPECT_EQ(issues[3].line, 8);
}

struct BadValueCase {
    const char* toml;
    const char* key;
    const char* messagePart;
};

class ConfigBadValueTest : public ::testing::TestWithParam<BadValueCase> {};

TEST_P(ConfigBadValueTest, ReportedWithKeyAndMessage) {
    const auto issues = check(GetParam().toml);
    ASSERT_EQ(issues.size(), 1u) << GetParam().toml;
    EXPECT_EQ(issues[0].key, GetParam().key);
    EXPECT_EQ(issues[0].line, 2);
    EXPECT_NE(issues[0].message.find(GetParam().messagePart), std::string::npos) << issues[0].message;
}

INSTANTIATE_TEST_SUITE_P(
    Values, ConfigBadValueTest,
    ::testing::Values(
        BadValueCase{"[backend]\nurl = \"ftp://x\"\n", "backend.url", "bad URL"},
        BadValueCase{"[backend]\nurl = \"http://\"\n", "backend.url", "missing host"},
        BadValueCase{"[backend]\nurl = \"http://host:99999/\"\n", "backend.url", "port"},
        BadValueCase{"[backend]\nurl = \"http://a b/\"\n", "backend.url", "spaces"},
        BadValueCase{"[backend]\nurl = \"http://user@host/\"\n", "backend.url", "user names"},
        BadValueCase{"[backend]\npinned_public_key = \"abc\"\n", "backend.pinned_public_key", "sha256//"},
        BadValueCase{"[office]\npublic_lookup_url = \"https://x.vn/?ma=\"\n", "office.public_lookup_url",
                     "{code}"},
        BadValueCase{"[office]\npublic_lookup_url = \"http://x.vn/{code}\"\n", "office.public_lookup_url",
                     "https://"},
        BadValueCase{"[printer]\nuri = \"lpt1\"\n", "printer.uri", "bad printer URI"},
        BadValueCase{"[printer]\nuri = \"tcp://host:0\"\n", "printer.uri", "invalid port"},
        BadValueCase{"[printer]\nuri = \"usb:\"\n", "printer.uri", "no path"},
        BadValueCase{"[receipt]\ncode_pattern = \"[0-9\"\n", "receipt.code_pattern", "regular expression"},
        BadValueCase{"[receipt]\ncode_pattern = \"\"\n", "receipt.code_pattern", "empty"},
        // Found by the config fuzzer: libstdc++ overflowed a long reading this count (UBSan).
        BadValueCase{"[receipt]\ncode_pattern = '\\d{44444444444444444444}'\n", "receipt.code_pattern", "repeat count"},
        BadValueCase{"[receipt]\ntrusted_hosts = [\"https://x.vn\"]\n", "receipt.trusted_hosts", "host name"},
        BadValueCase{"[receipt]\ncode_parameters = [\"a=b\"]\n", "receipt.code_parameters", "parameter"},
        BadValueCase{"[receipt]\ntoken_path = \"apiqr\"\n", "receipt.token_path", "'/'"},
        BadValueCase{"[staff]\npin_hash = \"$argon2id$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA\"\n", "staff.pin_hash",
                     "staff.pin_file"},
        BadValueCase{"[operations]\nkiosk_id = \"a b\"\n", "operations.kiosk_id", "kiosk ID"},
        BadValueCase{"[staff]\ngesture_corner = \"middle\"\n", "staff.gesture_corner", "top_left"},
        BadValueCase{"[scanner]\nserial_baud = 1000\n", "scanner.serial_baud", "9600"},
        BadValueCase{"[staff]\nmax_attempts = 0\n", "staff.max_attempts", "out of range"},
        BadValueCase{"[office]\ntime_zone = \"../etc/passwd\"\n", "office.time_zone", "time zone name"},
        BadValueCase{"[office]\ntime_zone = \"\"\n", "office.time_zone", "time zone name"},
        BadValueCase{"[ui]\ncamera_position = \"left\"\n", "ui.camera_position", "above"}),
    [](const ::testing::TestParamInfo<BadValueCase>& info) {
        std::string name = std::to_string(info.index) + "_" + info.param.key;
        std::ranges::replace(name, '.', '_');
        return name;
    });

TEST(ConfigLoaderTest, AcceptedSpecialValues) {
    LoadedSettings loaded;
    const auto issues = check(
        "[backend]\npinned_public_key = \"sha256//AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\"\n"
        "url = \"http://[::1]:8080\"\n"
        "[operations]\nkiosk_id = \"kiosk-tamky_01.a\"\n"
        "[printer]\nuri = \"cups:Receipt\"\n",
        &loaded);
    EXPECT_TRUE(issues.empty()) << formatIssue(issues.front());
    EXPECT_EQ(loaded.settings.printer.uri, "cups:Receipt");
}

TEST(ConfigLoaderTest, SyntaxErrorHasTomlLine) {
    const auto issues = check("[ui]\nfullscreen = true\nlarge_text = \n");
    ASSERT_EQ(issues.size(), 1u);
    EXPECT_EQ(issues[0].key, "(syntax)");
    EXPECT_EQ(issues[0].line, 3);
    EXPECT_EQ(issues[0].file, "fleet.toml");
}

TEST(ConfigLoaderTest, EveryProblemReportedNotOnlyTheFirst) {
    const auto issues = check("[ui]\nbogus = 1\nfullscreen = 2\n[printer]\ncut = \"x\"\n[nope]\n");
    EXPECT_EQ(issues.size(), 4u);
}

TEST(ConfigLoaderTest, FormatIssue) {
    EXPECT_EQ(formatIssue({"a.toml", 7, "ui.fullscreen", "wrong type"}), "a.toml:7: ui.fullscreen: wrong type");
}

TEST(ConfigLoaderTest, CrossChecks) {
    LoadedSettings loaded;
    ASSERT_TRUE(check("[ui]\nidle_timeout_s = 20\nidle_warning_s = 30\n[backend]\nclient_cert = \"/c.pem\"\n"
                      "[camera]\nsource = \"files\"\n",
                      &loaded)
                    .empty());
    const auto issues = crossCheck(loaded);
    ASSERT_EQ(issues.size(), 3u);
    EXPECT_EQ(issues[0].key, "ui.idle_warning_s");
    EXPECT_EQ(issues[0].line, 3);
    EXPECT_EQ(issues[1].key, "backend.client_cert");
    EXPECT_EQ(issues[1].line, 5);
    EXPECT_EQ(issues[2].key, "camera.source");
}

// The kiosk must read back the follow-up URL it prints: a template on a host or with a parameter the
// [receipt] rules do not accept is refused, at the key set last.
TEST(ConfigLoaderTest, FollowUpUrlMustBeReadableByTheKiosk) {
    LoadedSettings loaded;
    ASSERT_TRUE(check("[office]\npublic_lookup_url = \"https://other.gov.vn/tra-cuu?ma={code}\"\n", &loaded).empty());
    auto issues = crossCheck(loaded);
    ASSERT_EQ(issues.size(), 1u);
    EXPECT_EQ(issues[0].key, "office.public_lookup_url");
    EXPECT_NE(issues[0].message.find("read its own follow-up URL"), std::string::npos) << issues[0].message;

    ASSERT_TRUE(check("[office]\npublic_lookup_url = \"https://dichvucong.gov.vn/x?hoSo={code}\"\n", &loaded).empty());
    EXPECT_EQ(crossCheck(loaded).size(), 1u);

    ASSERT_TRUE(check("[office]\npublic_lookup_url = \"https://other.gov.vn/x?hoSo={code}\"\n"
                      "[receipt]\ntrusted_hosts = [\"other.gov.vn\"]\ncode_parameters = [\"hoSo\"]\n",
                      &loaded)
                    .empty());
    EXPECT_TRUE(crossCheck(loaded).empty());
    ASSERT_TRUE(check("", &loaded).empty());
    EXPECT_TRUE(crossCheck(loaded).empty());  // the defaults read their own URL back
}

TEST(ConfigLoaderTest, LayeringAndProvenance) {
    const auto fleet = tempFile("fleet.toml", "[backend]\nurl = \"https://fleet.example:80\"\nretries = 4\n"
                                              "[office]\nname = \"Fleet office\"\n");
    const auto local = tempFile("local.toml", "[backend]\n\nretries = 1\n");
    ConfigFiles files{fleet.string(), true, local.string(), true, true};
    const ConfigReport report = loadConfig(files);
    ASSERT_TRUE(report.ok()) << formatIssue(report.issues.front());
    const LoadedSettings& l = report.loaded;
    EXPECT_EQ(l.settings.backend.url, "https://fleet.example:80");
    EXPECT_EQ(l.settings.backend.retries, 1);
    EXPECT_EQ(l.settings.office.name, "Fleet office");
    EXPECT_EQ(l.sources.at("backend.url").layer, ConfigLayer::Fleet);
    EXPECT_EQ(l.sources.at("backend.url").file, fleet.string());
    EXPECT_EQ(l.sources.at("backend.url").line, 2);
    EXPECT_EQ(l.sources.at("backend.retries").layer, ConfigLayer::Local);
    EXPECT_EQ(l.sources.at("backend.retries").line, 3);
    EXPECT_EQ(l.sources.at("ui.fullscreen").layer, ConfigLayer::Default);

    const auto entries = listConfig(l);
    ASSERT_EQ(entries.size(), knownConfigKeys().size());
    const auto retries = std::ranges::find(entries, std::string{"backend.retries"}, &ConfigEntry::key);
    ASSERT_NE(retries, entries.end());
    EXPECT_EQ(retries->value, "1");
    EXPECT_EQ(retries->source.file, local.string());
    const auto url = std::ranges::find(entries, std::string{"backend.url"}, &ConfigEntry::key);
    EXPECT_NE(url->value.find("https://fleet.example:80"), std::string::npos);
}

TEST(ConfigLoaderTest, MissingDefaultFilesAreFineExplicitOnesAreNot) {
    ConfigFiles implicitFiles{"/nonexistent/kiosk.toml", false, "/nonexistent/local.toml", false, true};
    EXPECT_TRUE(loadConfig(implicitFiles).ok());
    ConfigFiles explicitFiles{"/nonexistent/kiosk.toml", true, "/nonexistent/local.toml", false, true};
    const ConfigReport report = loadConfig(explicitFiles);
    ASSERT_EQ(report.issues.size(), 1u);
    EXPECT_EQ(formatIssue(report.issues[0]), "/nonexistent/kiosk.toml:0: (file): cannot read: no such file");
    EXPECT_FALSE(loadSettings(explicitFiles).has_value());
    EXPECT_EQ(loadSettings(explicitFiles).error().kind, ErrorKind::Config);
}

TEST(ConfigLoaderTest, DirectoryIsUnreadable) {
    const auto dir = std::filesystem::temp_directory_path();
    ConfigFiles files{dir.string(), true, "", false, false};
    const ConfigReport report = loadConfig(files);
    ASSERT_EQ(report.issues.size(), 1u);
    EXPECT_EQ(report.issues[0].key, "(file)");
    EXPECT_NE(report.issues[0].message.find("directory"), std::string::npos);
}

TEST(ConfigLoaderTest, CommandLineOverride) {
    LoadedSettings loaded = defaultSettings();
    EXPECT_TRUE(applyOverride(loaded, "backend.url", "http://127.0.0.1:9000", "--backend").empty());
    EXPECT_EQ(loaded.settings.backend.url, "http://127.0.0.1:9000");
    EXPECT_EQ(loaded.sources.at("backend.url").layer, ConfigLayer::CommandLine);
    EXPECT_EQ(loaded.sources.at("backend.url").file, "--backend");
    const auto bad = applyOverride(loaded, "printer.uri", "lp0", "--printer");
    ASSERT_EQ(bad.size(), 1u);
    EXPECT_EQ(formatIssue(bad[0]).rfind("--printer:0: printer.uri: bad printer URI", 0), 0u);
    EXPECT_EQ(loaded.settings.printer.uri, "");
}

TEST(ConfigLoaderTest, OverridesRenderingRoundTrips) {
    Settings changed;
    changed.office.name = "Phòng \"Một cửa\"\nTầng 1";
    changed.ui.idleTimeoutS = 120;
    changed.ui.highContrast = true;
    changed.receipt.trustedHosts = {"a.vn", "b.vn"};
    changed.backend.maxResponseBytes = 2 * 1024 * 1024;
    const std::vector<std::string> keys = {"ui.idle_timeout_s", "office.name", "ui.high_contrast",
                                           "receipt.trusted_hosts", "backend.max_response_bytes"};
    const Result<std::string> text = renderOverrides(changed, keys);
    ASSERT_TRUE(text.has_value());
    LoadedSettings loaded = defaultSettings();
    const auto issues = applyConfigText(loaded, *text, "local.toml", ConfigLayer::Local);
    ASSERT_TRUE(issues.empty()) << formatIssue(issues.front()) << "\n" << *text;
    EXPECT_EQ(loaded.settings.office.name, changed.office.name);
    EXPECT_EQ(loaded.settings.ui.idleTimeoutS, 120);
    EXPECT_TRUE(loaded.settings.ui.highContrast);
    EXPECT_EQ(loaded.settings.receipt.trustedHosts, changed.receipt.trustedHosts);
    EXPECT_EQ(loaded.settings.backend.maxResponseBytes, 2 * 1024 * 1024);
    for (const std::string& key : keys) EXPECT_EQ(loaded.sources.at(key).layer, ConfigLayer::Local) << key;
    EXPECT_EQ(loaded.sources.at("ui.fullscreen").layer, ConfigLayer::Default);
    EXPECT_FALSE(renderOverrides(changed, {"ui.nope"}).has_value());
}

TEST(ConfigLoaderTest, LocalFileLivesInTheFleetDataDir) {
    const auto fleet = tempFile("fleet-datadir.toml", "[operations]\ndata_dir = \"/srv/kiosk-data\"\n");
    ConfigFiles files{fleet.string(), true, "/ignored/local.toml", false, true};
    LoadedSettings afterFleet = defaultSettings();
    applyConfigText(afterFleet, "[operations]\ndata_dir = \"/srv/kiosk-data\"\n", "fleet", ConfigLayer::Fleet);
    EXPECT_EQ(localFileFor(files, afterFleet.settings), "/srv/kiosk-data/local.toml");
    files.localExplicit = true;
    EXPECT_EQ(localFileFor(files, afterFleet.settings), "/ignored/local.toml");
    EXPECT_EQ(localFileFor(ConfigFiles{}, Settings{}), std::string{kDefaultLocalConfigPath});
}

TEST(ConfigLoaderTest, KeyInfoDescribesTypesAndLimits) {
    const auto idle = configKeyInfo("ui.idle_timeout_s");
    ASSERT_TRUE(idle);
    EXPECT_EQ(idle->type, ConfigValueType::Integer);
    EXPECT_EQ(idle->min, 10);
    EXPECT_EQ(idle->max, 3600);
    const auto corner = configKeyInfo("staff.gesture_corner");
    ASSERT_TRUE(corner);
    EXPECT_EQ(corner->type, ConfigValueType::Choice);
    EXPECT_EQ(corner->choices.front(), "top_left");
    EXPECT_EQ(configKeyInfo("printer.width_dots")->intChoices, (std::vector<std::int64_t>{384, 576}));
    EXPECT_EQ(configKeyInfo("ui.fullscreen")->type, ConfigValueType::Boolean);
    EXPECT_EQ(configKeyInfo("receipt.trusted_hosts")->type, ConfigValueType::TextList);
    EXPECT_FALSE(configKeyInfo("ui.nope"));
}

TEST(ConfigLoaderTest, ExampleFileLoadsWithoutErrors) {
    ConfigFiles files{KIOSK_CONFIG_DIR "/kiosk.example.toml", true, "", false, false};
    const ConfigReport report = loadConfig(files);
    EXPECT_TRUE(report.ok()) << formatIssue(report.issues.front());
    // The example documents the defaults: loading it changes nothing but paths.assets_dir (installed path).
    const Settings defaults;
    const Settings& example = report.loaded.settings;
    EXPECT_EQ(example.receipt.codePattern, defaults.receipt.codePattern);
    EXPECT_EQ(example.receipt.citizenIdParameters, defaults.receipt.citizenIdParameters);
    EXPECT_EQ(example.office.publicLookupUrl, defaults.office.publicLookupUrl);
    EXPECT_EQ(example.backend.maxResponseBytes, defaults.backend.maxResponseBytes);
    EXPECT_EQ(example.scanner.wedgeMaxInterkeyMs, defaults.scanner.wedgeMaxInterkeyMs);
}

TEST(ConfigLoaderTest, ExampleFileDocumentsEveryKey) {
    const std::string text = readFile(KIOSK_CONFIG_DIR "/kiosk.example.toml");
    LoadedSettings loaded = defaultSettings();
    ASSERT_TRUE(applyConfigText(loaded, text, "kiosk.example.toml", ConfigLayer::Fleet).empty());
    for (const std::string& key : knownConfigKeys()) {
        EXPECT_EQ(loaded.sources.at(key).layer, ConfigLayer::Fleet) << key << " missing from kiosk.example.toml";
    }
}

TEST(ConfigLoaderTest, DemoFileIsValid) {
    ConfigFiles files{KIOSK_CONFIG_DIR "/demo.toml", true, "", false, false};
    const ConfigReport report = loadConfig(files);
    EXPECT_TRUE(report.ok()) << formatIssue(report.issues.front());
}

// The config accepts exactly the printer URIs the printer backends open (one parser): a network
// printer's port may be left out and is then 9100, as docs/printing.md says.
TEST(ConfigLoaderTest, PrinterUriPortIsOptional) {
    EXPECT_TRUE(check("[printer]\nuri = \"tcp://printer.local\"\n").empty());
    EXPECT_TRUE(check("[printer]\nuri = \"tcp://[fd00::5]\"\n").empty());
    LoadedSettings loaded = defaultSettings();
    EXPECT_TRUE(applyOverride(loaded, "printer.uri", "tcp://10.0.0.7", "--printer").empty());
    EXPECT_EQ(loaded.settings.printer.uri, "tcp://10.0.0.7");
}

// [SECTION] Issue 15: files and documents the parser is never given ---------------------------------

TEST(ConfigLoaderTest, DeeplyNestedHeaderIsRefusedBeforeParsing) {
    // 50,000 dotted parts in 100 KB overflowed the stack inside toml++ (check-config and the kiosk crashed).
    std::string header = "[a";
    for (int i = 0; i < 50'000; ++i) header += ".a";
    const auto issues = check(header + "]\nx = 1\n");
    ASSERT_EQ(issues.size(), 1u);
    EXPECT_EQ(issues[0].key, "(syntax)");
    EXPECT_EQ(issues[0].line, 1);
    EXPECT_NE(issues[0].message.find("dotted parts"), std::string::npos) << issues[0].message;
}

TEST(ConfigLoaderTest, DeepBracketsAndDottedKeysAreRefused) {
    EXPECT_EQ(check("[ui]\nx = " + std::string(100'000, '[') + "\n").at(0).key, "(syntax)");
    EXPECT_NE(check("[ui]\nx = " + std::string(9, '{') + "\n").at(0).message.find("nest deeper"), std::string::npos);
    EXPECT_EQ(check("\n\na.b.c.d.e.f.g.h.i = 1\n").at(0).line, 3);
    // Dots and brackets inside strings and comments do not count.
    const auto fine = check("# [[[[[[[[[[ a.b.c.d.e.f.g.h.i.j\n[office]\nname = \"[[[[[[[[[[. . . . . . . . . .\"\n"
                            "address = '''\n{{{{{{{{{{ a.a.a.a.a.a.a.a.a.a\n'''\n");
    EXPECT_TRUE(fine.empty()) << formatIssue(fine.front());
}

TEST(ConfigLoaderTest, OversizeDocumentIsRefused) {
    const std::string text = "[office]\nname = \"" + std::string(kMaxConfigFileBytes, 'x') + "\"\n";
    const auto issues = check(text);
    ASSERT_EQ(issues.size(), 1u);
    EXPECT_EQ(issues[0].key, "(file)");
    EXPECT_NE(issues[0].message.find("larger than the limit"), std::string::npos);
}

TEST(ConfigLoaderTest, DevicesFifosDirectoriesAndSymlinkLoopsAreReportedNotRead) {
    const auto dir = std::filesystem::temp_directory_path() / "kiosk_config_test";
    std::filesystem::create_directories(dir);
    const auto fifo = dir / "fifo.toml";
    std::filesystem::remove(fifo);
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    const auto loopA = dir / "loop-a.toml";
    const auto loopB = dir / "loop-b.toml";
    std::filesystem::remove(loopA);
    std::filesystem::remove(loopB);
    std::filesystem::create_symlink(loopB, loopA);
    std::filesystem::create_symlink(loopA, loopB);
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"/dev/zero", "a device"}, {fifo.string(), "FIFO"}, {dir.string(), "a directory"}, {loopA.string(), "symlink loop"}};
    for (const auto& [path, why] : cases) {
        const ConfigReport report = loadConfig({path, true, "", false, false});
        ASSERT_EQ(report.issues.size(), 1u) << path;
        EXPECT_EQ(report.issues[0].key, "(file)");
        EXPECT_NE(report.issues[0].message.find(why), std::string::npos) << path << ": " << report.issues[0].message;
    }
    std::filesystem::remove(fifo);
    std::filesystem::remove(loopA);
    std::filesystem::remove(loopB);
}

TEST(ConfigLoaderTest, PlainHttpToAnotherHostNeedsAllowInsecureHttp) {
    LoadedSettings loaded;
    EXPECT_TRUE(check("[backend]\nurl = \"http://10.20.30.40:8080\"\n", &loaded).empty());
    auto issues = crossCheck(loaded);
    ASSERT_EQ(issues.size(), 1u);
    EXPECT_EQ(issues[0].key, "backend.url");
    EXPECT_EQ(issues[0].line, 2);
    EXPECT_NE(issues[0].message.find("allow_insecure_http"), std::string::npos);
    EXPECT_TRUE(check("[backend]\nurl = \"http://10.20.30.40:8080\"\nallow_insecure_http = true\n", &loaded).empty());
    EXPECT_TRUE(crossCheck(loaded).empty());
    for (const char* url : {"http://127.0.0.1:8787", "http://localhost/", "http://[::1]:9", "https://10.20.30.40"}) {
        EXPECT_TRUE(check(std::string{"[backend]\nurl = \""} + url + "\"\n", &loaded).empty());
        EXPECT_TRUE(crossCheck(loaded).empty()) << url;
    }
}

TEST(ConfigLoaderTest, BackoffMustFitTheCitizensWait) {
    LoadedSettings loaded;
    EXPECT_FALSE(check("[backend]\nretry_backoff_ms = 60000\n").empty()) << "over the 5000 ms cap";
    EXPECT_FALSE(check("[backend]\nretries = 10\n").empty()) << "over the cap of 5 retries";
    EXPECT_TRUE(check("[backend]\ntotal_timeout_ms = 3000\nconnect_timeout_ms = 1000\nretry_backoff_ms = 3000\n", &loaded).empty());
    const auto issues = crossCheck(loaded);
    ASSERT_EQ(issues.size(), 1u);
    EXPECT_EQ(issues[0].key, "backend.retry_backoff_ms");
}
