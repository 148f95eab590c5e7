// Headless smoke test of the staff screens and the setup screen (kiosk/ui/staff_views.hpp): the real
// font atlas, landscape and portrait, both languages, high contrast (staff pages are always drawn at the
// normal text size: KioskShell turns large text off for them). Every button is inside the screen, at
// least the touch size and apart from every other; taps on the PIN pad, the tabs, the keyboard (tone
// keys included), the digit pad and the confirmation report their events.
#include <gtest/gtest.h>

#include <functional>
#include <string>

#include "kiosk/ui/staff_views.hpp"
#include "kiosk/ui/strings.hpp"
#include "tests/ui/fixtures.hpp"
#include "tests/ui/headless.hpp"
#include "tests/ui/touch_rules.hpp"

namespace kiosk::ui {
namespace {

struct Case {
    int width;
    int height;
    const char* language;
    bool highContrast;
};

class StaffScreensSmokeTest : public ::testing::TestWithParam<Case> {
protected:
    void SetUp() override {
        const Case& c = GetParam();
        auto loaded = loadStringTables(KIOSK_SOURCE_ASSETS_DIR, c.language);
        ASSERT_TRUE(loaded.has_value()) << loaded.error().message;
        m_strings = std::move(*loaded);
        m_ui = std::make_unique<test::HeadlessUi>(c.width, c.height, false, c.highContrast);
        m_chrome = test::sampleChrome(m_strings, std::string(c.language) == "vi" ? Language::Vi : Language::En, false,
                                      c.highContrast);
    }

    const std::string& t(const char* key) const { return m_strings.get(key); }

    StaffFrame frame(StaffTab tab) const {
        StaffFrame f;
        f.chrome = m_chrome;
        f.title = t("staff.title");
        f.tab = tab;
        for (const auto& [tb, key] : std::initializer_list<std::pair<StaffTab, const char*>>{
                 {StaffTab::Device, "staff.tab.device"}, {StaffTab::Settings, "staff.tab.settings"},
                 {StaffTab::Audit, "staff.tab.audit"}, {StaffTab::Power, "staff.tab.power"},
                 {StaffTab::Pin, "staff.tab.pin"}, {StaffTab::Provision, "staff.tab.provision"}}) {
            f.tabs.emplace_back(tb, t(key));
        }
        f.exitLabel = t("staff.exit");
        return f;
    }

    using Draw = std::function<std::optional<StaffUiEvent>()>;

    /// Draws three frames and checks the last one's buttons; returns the event of a tap on `tapId`.
    std::optional<StaffUiEvent> check(const Draw& draw, const char* screen, const std::string& tapId = {}) {
        std::optional<StaffUiEvent> event;
        auto wrapped = [&]() -> std::optional<UiEvent> {
            if (auto e = draw()) event = e;
            return std::nullopt;
        };
        for (int i = 0; i < 3; ++i) m_ui->frame(wrapped);
        test::expectTouchTargetsFit(screen, GetParam().width, GetParam().height);
        const auto& targets = tapTargets();
        if (tapId.empty()) return std::nullopt;
        event.reset();
        if (!targets.contains(tapId)) {
            ADD_FAILURE() << screen << ": no button " << tapId;
            return std::nullopt;
        }
        m_ui->tap(tapId, wrapped);
        return event;
    }

    Strings m_strings;
    std::unique_ptr<test::HeadlessUi> m_ui;
    Chrome m_chrome;
};

template <class A>
const A* as(const std::optional<StaffUiEvent>& e) {
    return e ? std::get_if<A>(&*e) : nullptr;
}

TEST_P(StaffScreensSmokeTest, PinPadTypesDigitsAndSubmits) {
    PinPadView pad{m_chrome, t("staff.pin.title"), t("staff.pin.prompt"), 3, false, false, false, t("staff.pin.ok"),
                   t("staff.pin.back"), t("staff.pad.clear"), t("staff.pad.delete")};
    const auto digit = check([&] { return drawPinPad(pad); }, "pin", "pin-7");
    ASSERT_NE(as<staff_act::PinKey>(digit), nullptr);
    EXPECT_EQ(as<staff_act::PinKey>(digit)->key, '7');
    pad.digits = 4;
    EXPECT_NE(as<staff_act::PinSubmit>(check([&] { return drawPinPad(pad); }, "pin", "pin-ok")), nullptr);
    EXPECT_NE(as<staff_act::PinBack>(check([&] { return drawPinPad(pad); }, "pin", "pin-back")), nullptr);
    pad.locked = true;  // locked: only Back is there to tap
    check([&] { return drawPinPad(pad); }, "pin-locked");
    EXPECT_FALSE(tapTargets().at("pin-1").enabled);
    EXPECT_TRUE(tapTargets().at("pin-back").enabled);
}

TEST_P(StaffScreensSmokeTest, DevicePageShowsBothTestsAndTheTabs) {
    DeviceView v;
    v.frame = frame(StaffTab::Device);
    v.systemTitle = t("staff.device.system");
    v.backendTitle = t("staff.device.backend");
    v.cameraTitle = t("staff.device.camera");
    v.printerTitle = t("staff.device.printer");
    v.errorsTitle = t("staff.device.errors");
    for (int i = 0; i < 7; ++i) v.system.push_back({t("staff.device.office"), m_chrome.officeName, Health::Neutral});
    for (int i = 0; i < 5; ++i) v.backend.push_back({t("staff.device.reachable"), "http://127.0.0.1:8080", Health::Good});
    for (int i = 0; i < 3; ++i) v.camera.push_back({t("staff.device.last_read"), "000.00.06.H56-231027-0361", Health::Good});
    for (int i = 0; i < 7; ++i) v.printer.push_back({t("staff.device.paper"), t("staff.device.paper_low"), Health::Warning});
    for (int i = 0; i < 12; ++i) v.errors.push_back({"28/11 09:30:00", "backend: offline", Health::Warning});
    v.testBackendLabel = t("staff.device.test_now");
    v.testPageLabel = t("staff.device.print_test_page");
    v.testPageEnabled = true;
    EXPECT_NE(as<staff_act::TestBackend>(check([&] { return drawStaffDevice(v); }, "device", "device-test-backend")), nullptr);
    EXPECT_NE(as<staff_act::TestPage>(check([&] { return drawStaffDevice(v); }, "device", "device-test-page")), nullptr);
    const auto tab = check([&] { return drawStaffDevice(v); }, "device", "tab-settings");
    ASSERT_NE(as<staff_act::Tab>(tab), nullptr);
    EXPECT_EQ(as<staff_act::Tab>(tab)->tab, StaffTab::Settings);
    EXPECT_NE(as<staff_act::Exit>(check([&] { return drawStaffDevice(v); }, "device", "staff-exit")), nullptr);
}

TEST_P(StaffScreensSmokeTest, SettingsListAndEveryEditor) {
    SettingsView v;
    v.frame = frame(StaffTab::Settings);
    for (const char* g : {"office", "screen", "backend", "printer", "camera", "receipt", "staff", "system"}) {
        v.groups.emplace_back(g, m_strings.get(std::string("staff.settings.group.") + g));
    }
    v.group = "screen";
    for (int i = 0; i < 10; ++i) {
        SettingRow row;
        row.key = "ui.key_" + std::to_string(i);
        row.label = t("staff.key.ui.idle_timeout_s");
        row.value = std::to_string(60 + i);
        row.source = t("staff.settings.source.fleet");
        row.canReset = i % 3 == 0;
        row.pending = i == 1;
        row.problem = i == 1 ? "out of range: 5 is not in 10..3600" : "";
        v.rows.push_back(row);
    }
    v.resetLabel = t("staff.settings.reset");
    v.saveLabel = t("staff.settings.save");
    v.discardLabel = t("staff.settings.discard");
    v.canSave = true;
    v.status = t("staff.settings.saved_restart");
    const auto open = check([&] { return drawStaffSettings(v); }, "settings", "set-ui.key_0");
    ASSERT_NE(as<staff_act::EditSetting>(open), nullptr);
    EXPECT_EQ(as<staff_act::EditSetting>(open)->key, "ui.key_0");
    EXPECT_NE(as<staff_act::Save>(check([&] { return drawStaffSettings(v); }, "settings", "settings-save")), nullptr);
    EXPECT_NE(as<staff_act::ResetSetting>(check([&] { return drawStaffSettings(v); }, "settings", "reset-ui.key_0")), nullptr);
    // A saved key needs a restart: offered on this page, confirmed here too.
    v.restartLabel = t("staff.power.restart");
    const auto restart = check([&] { return drawStaffSettings(v); }, "settings-restart", "settings-restart");
    ASSERT_NE(as<staff_act::AskPower>(restart), nullptr);
    EXPECT_EQ(as<staff_act::AskPower>(restart)->what, staff_act::Power::Restart);
    v.question = t("staff.power.ask_restart");
    v.yesLabel = t("staff.power.yes");
    v.noLabel = t("staff.power.no");
    const auto no = check([&] { return drawStaffSettings(v); }, "settings-confirm", "confirm-no");
    ASSERT_NE(as<staff_act::Answer>(no), nullptr);
    EXPECT_FALSE(as<staff_act::Answer>(no)->yes);
    v.question.clear();
    v.restartLabel.clear();

    SettingEditor e;
    e.key = "office.name";
    e.label = t("staff.key.office.name");
    e.help = t("staff.editor.help_text");
    e.text = "Bộ phận Mô";
    e.keepLabel = t("staff.editor.keep");
    e.cancelLabel = t("staff.editor.cancel");
    e.clearLabel = t("staff.pad.clear");
    e.deleteLabel = t("staff.pad.delete");
    e.spaceLabel = t("staff.editor.space");
    e.shiftLabel = t("staff.editor.shift");
    v.editor = e;
    // The tone key marks the last vowel: "Mô" + nặng = "Mộ".
    const auto tone = check([&] { return drawStaffSettings(v); }, "editor-text", "tkey-tone5");
    ASSERT_NE(as<staff_act::EditText>(tone), nullptr);
    EXPECT_EQ(as<staff_act::EditText>(tone)->text, "Bộ phận Mộ");
    const auto letter = check([&] { return drawStaffSettings(v); }, "editor-text", "tkey-dd");
    ASSERT_NE(as<staff_act::EditText>(letter), nullptr);
    EXPECT_EQ(as<staff_act::EditText>(letter)->text, "Bộ phận Môđ");
    EXPECT_NE(as<staff_act::ToggleShift>(check([&] { return drawStaffSettings(v); }, "editor-text", "tkey-shift")), nullptr);
    const auto del = check([&] { return drawStaffSettings(v); }, "editor-text", "tkey-delete");
    ASSERT_NE(as<staff_act::EditText>(del), nullptr);
    EXPECT_EQ(as<staff_act::EditText>(del)->text, "Bộ phận M");

    v.editor->kind = EditorKind::Number;
    v.editor->text = "60";
    v.editor->min = 10;
    v.editor->max = 3600;
    v.editor->step = 10;
    const auto plus = check([&] { return drawStaffSettings(v); }, "editor-number", "step-plus");
    ASSERT_NE(as<staff_act::EditText>(plus), nullptr);
    EXPECT_EQ(as<staff_act::EditText>(plus)->text, "70");
    const auto nine = check([&] { return drawStaffSettings(v); }, "editor-number", "num-9");
    ASSERT_NE(as<staff_act::EditText>(nine), nullptr);
    EXPECT_EQ(as<staff_act::EditText>(nine)->text, "609");
    const auto keep = check([&] { return drawStaffSettings(v); }, "editor-number", "edit-keep");
    ASSERT_NE(as<staff_act::EditDone>(keep), nullptr);
    EXPECT_TRUE(as<staff_act::EditDone>(keep)->keep);
    v.editor->problem = "out of range: 5 is not in 10..3600";  // a value the loader refuses cannot be kept
    check([&] { return drawStaffSettings(v); }, "editor-number-problem");
    EXPECT_FALSE(tapTargets().at("edit-keep").enabled);

    v.editor->problem.clear();
    v.editor->kind = EditorKind::Choice;
    v.editor->choices = {{"vi", "vi"}, {"en", "en"}};
    v.editor->text = "vi";
    const auto choice = check([&] { return drawStaffSettings(v); }, "editor-choice", "choice-en");
    ASSERT_NE(as<staff_act::EditText>(choice), nullptr);
    EXPECT_EQ(as<staff_act::EditText>(choice)->text, "en");
}

TEST_P(StaffScreensSmokeTest, AuditPowerPinProvisionAndSetup) {
    AuditView audit{frame(StaffTab::Audit), {}, t("staff.audit.empty")};
    for (int i = 0; i < 40; ++i) audit.entries.push_back({"28/11 09:30:00", t("staff.audit.setting_changed"), Health::Neutral});
    check([&] { return drawStaffAudit(audit); }, "audit");

    PowerView power;
    power.frame = frame(StaffTab::Power);
    power.restartLabel = t("staff.power.restart");
    power.shutdownLabel = t("staff.power.shutdown");
    power.rebootLabel = t("staff.power.reboot");
    power.shutdownAvailable = power.rebootAvailable = true;
    power.note = t("staff.power.intro");
    power.yesLabel = t("staff.power.yes");
    power.noLabel = t("staff.power.no");
    const auto ask = check([&] { return drawStaffPower(power); }, "power", "power-shutdown");
    ASSERT_NE(as<staff_act::AskPower>(ask), nullptr);
    EXPECT_EQ(as<staff_act::AskPower>(ask)->what, staff_act::Power::Shutdown);
    power.question = t("staff.power.ask_shutdown");
    const auto yes = check([&] { return drawStaffPower(power); }, "power-confirm", "confirm-yes");
    ASSERT_NE(as<staff_act::Answer>(yes), nullptr);
    EXPECT_TRUE(as<staff_act::Answer>(yes)->yes);
    EXPECT_FALSE(tapTargets().contains("power-restart"));  // only the answer while asking

    NewPinView pin;
    pin.prompt = t("staff.newpin.weak.run");
    pin.problem = true;
    pin.digits = 2;
    pin.okLabel = t("staff.pin.ok");
    pin.clearLabel = t("staff.pad.clear");
    pin.deleteLabel = t("staff.pad.delete");
    pin.cancelLabel = t("staff.newpin.cancel");
    pin.keepLabel = t("staff.newpin.keep");
    StaffPinPageView pinPage{frame(StaffTab::Pin), pin};
    const auto key = check([&] { return drawStaffPin(pinPage); }, "newpin", "newpin-4");
    ASSERT_NE(as<staff_act::NewPinKey>(key), nullptr);
    EXPECT_EQ(as<staff_act::NewPinKey>(key)->key, '4');

    ProvisionView offer;
    offer.instructions = t("staff.provision.instructions");
    offer.offer = true;
    offer.summary = {{t("staff.device.kiosk_id"), "tamky-tanthanh-01", Health::Neutral},
                     {t("staff.device.office"), "Bộ phận Một cửa UBND phường Tân Thạnh", Health::Neutral},
                     {t("staff.device.backend_url"), "https://kiosk-api.quangnam.gov.vn", Health::Neutral}};
    offer.status = t("staff.provision.confirm");
    offer.applyLabel = t("staff.provision.apply");
    offer.dismissLabel = t("staff.provision.dismiss");
    StaffProvisionPageView provisionPage{frame(StaffTab::Provision), offer};
    EXPECT_NE(as<staff_act::ApplyProvisioning>(check([&] { return drawStaffProvision(provisionPage); }, "provision", "provision-apply")),
              nullptr);

    SetupView setup;
    setup.chrome = m_chrome;
    setup.title = t("staff.setup.title");
    setup.intro = t("staff.setup.intro");
    for (int i = 0; i < 5; ++i) setup.checklist.push_back({t("staff.setup.pin"), t("staff.setup.missing"), Health::Bad});
    setup.provision = offer;
    EXPECT_NE(as<staff_act::ApplyProvisioning>(check([&] { return drawSetup(setup); }, "setup", "provision-apply")), nullptr);
    pin.cancelLabel.clear();
    pin.offerKeep = true;
    setup.newPin = pin;
    EXPECT_NE(as<staff_act::KeepPin>(check([&] { return drawSetup(setup); }, "setup-pin", "newpin-keep")), nullptr);
}

INSTANTIATE_TEST_SUITE_P(Sizes, StaffScreensSmokeTest,
                         ::testing::Values(Case{1920, 1080, "vi", false}, Case{1080, 1920, "vi", false},
                                           Case{1920, 1080, "en", false}, Case{1366, 768, "vi", false},
                                           Case{1920, 1080, "vi", true}),
                         [](const auto& info) {
                             const Case& c = info.param;
                             return std::to_string(c.width) + "x" + std::to_string(c.height) + "_" + c.language +
                                    (c.highContrast ? "_hc" : "");
                         });

}  // namespace
}  // namespace kiosk::ui
