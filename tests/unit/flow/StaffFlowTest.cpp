// Staff mode and the setup screen in the flow (kiosk/core/flow/staff_flow.hpp): getting in, the
// lockout, staff idle, the device test read, settings drafts, the new PIN, provisioning, power.
#include <gtest/gtest.h>

#include "kiosk/core/flow/flow.hpp"

using namespace kiosk::core;
using namespace std::chrono_literals;
namespace ev = kiosk::core::event;
namespace cmd = kiosk::core::command;
namespace sa = kiosk::core::staff;
namespace st = kiosk::core::staff_task;

namespace {

const DossierCode kCode{"000.00.06.H56-231027-0361"};

constexpr const char* kProvisioning =
    "[office]\nname = \"Bộ phận Một cửa phường Tân Thạnh\"\n[operations]\nkiosk_id = \"tamky-01\"\n"
    "[backend]\nurl = \"http://127.0.0.1:8080\"\n[provisioning]\nenrolment_code = \"K7Q2-M9XD-4TPA\"\n";

FlowConfig withPin() {
    FlowConfig c;
    c.staffPinSet = true;
    return c;
}

struct Session {
    FlowConfig cfg;
    TimePoint now{};
    FlowState state;
    std::vector<Command> commands;

    explicit Session(FlowConfig c = withPin()) : cfg(std::move(c)) { state = initialFlowState(cfg, now); }

    void post(const Event& e) {
        auto t = step(state, e, now, cfg);
        state = std::move(t.state);
        commands = std::move(t.commands);
    }
    void staff(StaffAction a) { post(ev::Staff{std::move(a)}); }
    void advance(std::chrono::seconds d) {
        now += d;
        post(ev::Tick{});
    }
    template <class C>
    const C* find() const {
        for (const auto& c : commands)
            if (const auto* p = std::get_if<C>(&c)) return p;
        return nullptr;
    }
    template <class T>
    const T* task() const {
        for (const auto& c : commands) {
            if (const auto* s = std::get_if<cmd::Staff>(&c)) {
                if (const auto* t = std::get_if<T>(&s->task)) return t;
            }
        }
        return nullptr;
    }
    std::vector<AuditAction> audits() const {
        std::vector<AuditAction> out;
        for (const auto& c : commands) {
            if (const auto* s = std::get_if<cmd::Staff>(&c)) {
                if (const auto* a = std::get_if<st::Audit>(&s->task)) out.push_back(a->action);
            }
        }
        return out;
    }
    void typePin(const std::string& pin) {
        for (const char c : pin) staff(sa::PinDigits{state.staff.pinDigits + c});
        staff(sa::PinSubmit{});
    }
    void enter() {
        post(ev::StaffGestureDetected{});
        typePin("2580");
        post(ev::PinEntered{true});
    }
};

}  // namespace

TEST(StaffFlowTest, GestureOpensThePadOnlyWithAPin) {
    Session none{FlowConfig{}};
    none.post(ev::StaffGestureDetected{});
    EXPECT_EQ(none.state.screen, Screen::Attract);

    Session s;
    s.post(ev::StaffGestureDetected{});
    EXPECT_EQ(s.state.screen, Screen::StaffPin);
    s.post(ev::ReceiptRead{kCode, InputSource::Camera});  // no citizen lookups on the pad
    EXPECT_EQ(s.state.screen, Screen::StaffPin);
    EXPECT_EQ(s.find<cmd::StartLookup>(), nullptr);
    s.post(ev::Back{});
    EXPECT_EQ(s.state.screen, Screen::Attract);
}

TEST(StaffFlowTest, PinIsVerifiedByTheAppAndNeverKept) {
    Session s;
    s.post(ev::StaffGestureDetected{});
    s.staff(sa::PinDigits{"12a3"});
    EXPECT_EQ(s.state.staff.pinDigits, "123");  // digits only
    s.staff(sa::PinSubmit{});                   // fewer than 4 digits: nothing to verify
    EXPECT_EQ(s.task<st::VerifyPin>(), nullptr);
    s.staff(sa::PinDigits{"1234"});
    s.staff(sa::PinSubmit{});
    ASSERT_NE(s.task<st::VerifyPin>(), nullptr);
    EXPECT_EQ(s.task<st::VerifyPin>()->pin, "1234");
    EXPECT_TRUE(s.state.staff.pinDigits.empty());
    EXPECT_TRUE(s.state.staff.pinChecking);
    s.staff(sa::PinDigits{"9"});  // the pad waits while the app verifies
    EXPECT_TRUE(s.state.staff.pinDigits.empty());
    s.post(ev::PinEntered{true});
    EXPECT_EQ(s.state.screen, Screen::StaffMenu);
    EXPECT_EQ(s.state.staff.page, StaffPage::Device);
    EXPECT_EQ(s.audits(), std::vector<AuditAction>{AuditAction::StaffEntered});
    EXPECT_NE(s.task<st::LoadStaffData>(), nullptr);
    s.post(ev::PinEntered{true});  // an answer nobody waits for changes nothing
    EXPECT_TRUE(s.commands.empty());
}

TEST(StaffFlowTest, FiveWrongPinsLockThePadWhichShowsTheLock) {
    Session s;
    s.post(ev::StaffGestureDetected{});
    for (int i = 1; i <= 4; ++i) {
        s.typePin("0000");
        s.post(ev::PinEntered{false});
        EXPECT_EQ(s.state.screen, Screen::StaffPin);
        EXPECT_EQ(s.state.pinFailures, i);
        EXPECT_TRUE(s.state.staff.pinWrong);
        ASSERT_NE(s.task<st::RecordPinState>(), nullptr);
        EXPECT_EQ(s.task<st::RecordPinState>()->failures, i);
        EXPECT_FALSE(s.task<st::RecordPinState>()->lockedUntil);
    }
    s.typePin("0000");
    s.post(ev::PinEntered{false});
    EXPECT_EQ(s.state.screen, Screen::StaffPin);  // the pad stays and says how long it is locked
    ASSERT_TRUE(s.state.pinLockedUntil);
    EXPECT_EQ(*s.state.pinLockedUntil, s.now + 300s);
    EXPECT_EQ(s.audits(), (std::vector<AuditAction>{AuditAction::PinFailed, AuditAction::PinLockout}));
    ASSERT_NE(s.task<st::RecordPinState>(), nullptr);
    EXPECT_EQ(s.task<st::RecordPinState>()->lockedUntil, s.state.pinLockedUntil);

    s.staff(sa::PinDigits{"1"});  // locked: the keys do nothing
    EXPECT_TRUE(s.state.staff.pinDigits.empty());
    s.post(ev::Back{});
    EXPECT_EQ(s.state.screen, Screen::Attract);
    EXPECT_FALSE(isPristine(s.state, s.cfg));  // a lockout is running
    s.post(ev::StaffGestureDetected{});
    EXPECT_EQ(s.state.screen, Screen::StaffPin);  // shows the lock again
    s.post(ev::Back{});
    s.advance(301s);
    EXPECT_FALSE(s.state.pinLockedUntil);
    EXPECT_EQ(s.state.pinFailures, 0);
    ASSERT_NE(s.task<st::RecordPinState>(), nullptr);
    EXPECT_EQ(s.task<st::RecordPinState>()->failures, 0);
    EXPECT_TRUE(isPristine(s.state, s.cfg));
}

TEST(StaffFlowTest, LeavingByButtonOrIdleReturnsToAPristineAttract) {
    Session s;
    s.enter();
    s.staff(sa::PageChosen{StaffPage::Settings});
    s.staff(sa::EditOpened{"ui.idle_timeout_s", "60"});
    s.staff(sa::EditClosed{true});
    ASSERT_EQ(s.state.staff.draft.size(), 1u);
    s.post(ev::Back{});  // Back and Done do not leave staff mode
    s.post(ev::Done{});
    EXPECT_EQ(s.state.screen, Screen::StaffMenu);
    s.advance(119s);
    EXPECT_EQ(s.state.screen, Screen::StaffMenu);
    s.advance(2s);
    EXPECT_EQ(s.state.screen, Screen::Attract);
    EXPECT_TRUE(isPristine(s.state, s.cfg));
    EXPECT_EQ(s.state.staff, StaffState{});  // the unsaved draft is gone
    EXPECT_NE(s.find<cmd::ReloadSettings>(), nullptr);
    ASSERT_EQ(s.audits(), std::vector<AuditAction>{AuditAction::StaffLeft});
    EXPECT_EQ(s.task<st::Audit>()->detail, "idle");

    s.enter();
    s.post(ev::StaffExit{});
    EXPECT_EQ(s.state.screen, Screen::Attract);
    EXPECT_EQ(s.task<st::Audit>()->detail, "button");

    s.post(ev::StaffGestureDetected{});  // the pad alone also closes itself
    s.advance(121s);
    EXPECT_EQ(s.state.screen, Screen::Attract);
    EXPECT_EQ(s.find<cmd::ReloadSettings>(), nullptr);  // nothing could have changed
}

TEST(StaffFlowTest, GestureDuringAResultWipesTheCitizenSession) {
    Session s;
    s.post(ev::ReceiptRead{kCode, InputSource::Camera});
    Dossier dossier;
    dossier.code = kCode.value;
    s.post(ev::LookupSucceeded{s.find<cmd::StartLookup>()->requestId, dossier});
    ASSERT_EQ(s.state.screen, Screen::Result);
    s.post(ev::StaffGestureDetected{});
    EXPECT_EQ(s.state.screen, Screen::StaffPin);
    EXPECT_FALSE(s.state.dossier);
    EXPECT_NE(s.find<cmd::WipeSession>(), nullptr);
}

TEST(StaffFlowTest, CodesReadOnTheDevicePageAreShownNotLookedUp) {
    Session s;
    s.enter();
    s.post(ev::ReceiptRead{kCode, InputSource::Camera});
    EXPECT_EQ(s.find<cmd::StartLookup>(), nullptr);
    ASSERT_TRUE(s.state.staff.lastRead);
    EXPECT_EQ(s.state.staff.lastRead->shown, kCode.value);
    EXPECT_TRUE(s.state.staff.lastRead->camera);
    s.post(ev::ReceiptRead{ReceiptToken{"6f1c2a7e-4b3d-4e8a-9c1f-000000000001"}, InputSource::Scanner});
    EXPECT_EQ(s.state.staff.lastRead->shown, "token");  // a token is never shown
    EXPECT_FALSE(s.state.staff.lastRead->camera);
    EXPECT_EQ(s.state.staff.lastRead->count, 2);
    s.post(ev::ReceiptRead{NotAReceipt{NotReceiptReason::BadCodeFormat}, InputSource::Scanner});
    EXPECT_EQ(s.state.staff.lastRead->shown, "bad_code_format");
}

TEST(StaffFlowTest, SettingsDraftIsSavedTogetherAndApplied) {
    Session s;
    s.enter();
    s.staff(sa::EditOpened{"ui.idle_timeout_s", "60"});  // not on the settings page: ignored
    EXPECT_TRUE(s.state.staff.editingKey.empty());
    s.staff(sa::PageChosen{StaffPage::Settings});
    EXPECT_NE(s.task<st::LoadStaffData>(), nullptr);
    s.staff(sa::GroupChosen{"screen"});
    s.staff(sa::EditOpened{"ui.idle_timeout_s", "60"});
    s.staff(sa::EditText{"90"});
    s.staff(sa::EditClosed{true});
    s.staff(sa::EditOpened{"office.name", "X"});
    s.staff(sa::EditText{"Y"});
    s.staff(sa::EditClosed{false});  // cancelled: not pending
    s.staff(sa::ResetToFleet{"printer.uri"});
    ASSERT_EQ(s.state.staff.draft.size(), 2u);
    EXPECT_EQ(s.state.staff.draft.at("ui.idle_timeout_s"), std::optional<std::string>{"90"});
    EXPECT_EQ(s.state.staff.draft.at("printer.uri"), std::nullopt);
    s.staff(sa::SaveRequested{});
    ASSERT_NE(s.task<st::SaveSettings>(), nullptr);
    EXPECT_EQ(s.task<st::SaveSettings>()->draft, s.state.staff.draft);
    EXPECT_EQ(s.state.staff.save, StaffTask::Running);
    s.staff(sa::SaveRequested{});  // one save at a time
    EXPECT_EQ(s.task<st::SaveSettings>(), nullptr);
    s.staff(sa::SaveFinished{false, false, "ui.idle_timeout_s: out of range"});
    EXPECT_EQ(s.state.staff.save, StaffTask::Failed);
    EXPECT_EQ(s.state.staff.draft.size(), 2u);  // kept, to be corrected
    s.staff(sa::SaveRequested{});
    s.staff(sa::SaveFinished{true, true, ""});
    EXPECT_EQ(s.state.staff.save, StaffTask::Done);
    EXPECT_TRUE(s.state.staff.draft.empty());
    EXPECT_TRUE(s.state.staff.restartNeeded);
    EXPECT_NE(s.find<cmd::ReloadSettings>(), nullptr);
}

TEST(StaffFlowTest, NewPinIsTypedTwiceAndWeakOnesAreRefused) {
    Session s;
    s.enter();
    s.staff(sa::NewPinDigits{"1234"});  // not on the PIN page
    EXPECT_TRUE(s.state.staff.newPin.digits.empty());
    s.staff(sa::PageChosen{StaffPage::Pin});
    s.staff(sa::NewPinDigits{"1234"});
    s.staff(sa::NewPinSubmit{});
    EXPECT_EQ(s.state.staff.newPin.weakness, PinWeakness::Run);
    EXPECT_FALSE(s.state.staff.newPin.confirming);
    s.staff(sa::NewPinDigits{"583902"});
    s.staff(sa::NewPinSubmit{});
    EXPECT_TRUE(s.state.staff.newPin.confirming);
    s.staff(sa::NewPinDigits{"583903"});
    s.staff(sa::NewPinSubmit{});
    EXPECT_TRUE(s.state.staff.newPin.mismatch);
    EXPECT_EQ(s.task<st::SetPin>(), nullptr);
    s.staff(sa::NewPinDigits{"583902"});
    s.staff(sa::NewPinSubmit{});
    s.staff(sa::NewPinDigits{"583902"});
    s.staff(sa::NewPinSubmit{});
    ASSERT_NE(s.task<st::SetPin>(), nullptr);
    EXPECT_EQ(s.task<st::SetPin>()->pin, "583902");
    EXPECT_TRUE(s.state.staff.newPin.first.empty());
    s.staff(sa::PinSaved{true});
    EXPECT_EQ(s.state.staff.newPin.task, StaffTask::Done);
}

TEST(StaffFlowTest, SetupProvisionsSetsAPinAndEndsOnAttract) {
    FlowConfig cfg;
    cfg.setupRequired = true;
    Session s{cfg};
    ASSERT_EQ(s.state.screen, Screen::Setup);
    EXPECT_TRUE(isPristine(s.state, s.cfg));  // nothing to tick while waiting for a code
    s.post(ev::StaffGestureDetected{});
    EXPECT_EQ(s.state.screen, Screen::Setup);
    s.advance(3600s);
    EXPECT_EQ(s.state.screen, Screen::Setup);  // no idle on setup

    s.staff(sa::ProvisioningScanned{"[backend]\nurl = \"ftp://x\"\n"});
    ASSERT_TRUE(s.state.staff.provisioning);
    EXPECT_FALSE(s.state.staff.provisioning->problems.empty());
    s.staff(sa::ProvisioningConfirmed{});  // a bad code cannot be applied
    EXPECT_EQ(s.task<st::Provision>(), nullptr);

    s.staff(sa::ProvisioningScanned{kProvisioning});
    ASSERT_TRUE(s.state.staff.provisioning->problems.empty());
    EXPECT_EQ(s.state.staff.provisioning->kioskId, "tamky-01");
    EXPECT_EQ(s.state.staff.provisioning->backendUrl, "http://127.0.0.1:8080");
    s.staff(sa::ProvisioningConfirmed{});
    ASSERT_NE(s.task<st::Provision>(), nullptr);
    EXPECT_EQ(s.task<st::Provision>()->text, kProvisioning);
    s.staff(sa::ProvisioningFinished{false, "enrolment_used"});
    EXPECT_EQ(s.state.staff.provisioning->task, StaffTask::Failed);
    EXPECT_EQ(s.state.staff.provisioning->failure, "enrolment_used");
    s.staff(sa::ProvisioningConfirmed{});  // try again (with a new code, normally)
    s.staff(sa::ProvisioningFinished{true, ""});
    EXPECT_TRUE(s.state.staff.provisioning->text.empty());  // the code is not kept
    EXPECT_EQ(s.find<cmd::ReloadSettings>(), nullptr);        // a PIN first

    s.staff(sa::NewPinDigits{"740213"});
    s.staff(sa::NewPinSubmit{});
    s.staff(sa::NewPinDigits{"740213"});
    s.staff(sa::NewPinSubmit{});
    ASSERT_NE(s.task<st::SetPin>(), nullptr);
    s.staff(sa::PinSaved{true});
    EXPECT_NE(s.find<cmd::ReloadSettings>(), nullptr);
    s.cfg.setupRequired = false;  // the reload found the backend
    s.cfg.staffPinSet = true;
    s.staff(sa::SettingsReloaded{});
    EXPECT_EQ(s.state.screen, Screen::Attract);
    EXPECT_TRUE(isPristine(s.state, s.cfg));
    EXPECT_EQ(s.find<cmd::ReloadSettings>(), nullptr);  // no second reload
}

TEST(StaffFlowTest, TestPageAndPowerNeedStaffMode) {
    Session s;
    s.staff(sa::TestPageRequested{});
    EXPECT_EQ(s.task<st::PrintTestPage>(), nullptr);
    s.enter();
    s.staff(sa::TestPageRequested{});
    ASSERT_NE(s.task<st::PrintTestPage>(), nullptr);
    EXPECT_EQ(s.state.print, PrintStatus::Printing);
    s.post(ev::PrintFinished{PrintFailure::PaperOut});
    EXPECT_EQ(s.state.print, PrintStatus::Failed);
    ASSERT_EQ(s.audits(), std::vector<AuditAction>{AuditAction::TestPagePrinted});
    EXPECT_EQ(s.task<st::Audit>()->detail, "paper_out");

    s.staff(sa::PageChosen{StaffPage::Power});
    s.staff(sa::DialogOpened{StaffDialog::Shutdown});
    s.staff(sa::DialogAnswered{false});
    EXPECT_EQ(s.task<st::PowerOff>(), nullptr);
    s.staff(sa::DialogOpened{StaffDialog::Reboot});
    s.staff(sa::DialogAnswered{true});
    ASSERT_NE(s.task<st::PowerOff>(), nullptr);
    EXPECT_TRUE(s.task<st::PowerOff>()->reboot);
    s.staff(sa::PowerFinished{false, "exit 1"});
    EXPECT_EQ(s.state.staff.power, StaffTask::Failed);
    s.staff(sa::DialogOpened{StaffDialog::Restart});
    s.staff(sa::DialogAnswered{true});
    EXPECT_NE(s.task<st::RestartKiosk>(), nullptr);
}
