// kiosk_ui_gallery: draws every citizen screen with sample dossiers in a real GL window and saves
// one PNG per screen. tools/screenshots.sh runs it under Xvfb for each language, size and variant.
// Usage: kiosk_ui_gallery --size 1920x1080 --lang vi [--large-text] [--high-contrast] --out DIR [--only NAME,NAME]
#include <GL/gl.h>
#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>
#include <imgui_internal.h>
#include <stb_image_write.h>

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "kiosk/core/flow/flow.hpp"
#include "kiosk/ui/fonts.hpp"
#include "kiosk/ui/guidance_view_builder.hpp"
#include "kiosk/ui/result_view_builder.hpp"
#include "kiosk/ui/screens.hpp"
#include "kiosk/ui/strings.hpp"
#include "kiosk/ui/theme.hpp"
#include "kiosk/ui/widgets.hpp"
#include "platform/window.hpp"
#include "tests/ui/fixtures.hpp"
#include "tests/ui/guidance_fixtures.hpp"
#include "tests/ui/result_fixtures.hpp"

using namespace kiosk;

int main(int argc, char** argv) {
    int width = 1920;
    int height = 1080;
    std::string lang = "vi";
    std::string out = ".";
    std::string only;
    bool largeText = false;
    bool highContrast = false;
    std::string assets = KIOSK_SOURCE_ASSETS_DIR;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        const bool hasValue = i + 1 < argc;
        if (a == "--size" && hasValue) {
            if (std::sscanf(argv[++i], "%dx%d", &width, &height) != 2) return 2;
        } else if (a == "--lang" && hasValue) {
            lang = argv[++i];
        } else if (a == "--out" && hasValue) {
            out = argv[++i];
        } else if (a == "--assets" && hasValue) {
            assets = argv[++i];
        } else if (a == "--only" && hasValue) {
            only = argv[++i];
        } else if (a == "--large-text") {
            largeText = true;
        } else if (a == "--high-contrast") {
            highContrast = true;
        } else {
            std::fprintf(stderr, "usage: kiosk_ui_gallery --size WxH --lang vi|en [--large-text] [--high-contrast] --out DIR\n");
            return 2;
        }
    }
    auto strings = ui::loadStringTables(assets, lang);
    if (!strings) {
        std::fprintf(stderr, "%s\n", strings.error().message.c_str());
        return 1;
    }
    auto window = platform::createWindow(platform::WindowOptions{false, width, height, false, "gallery"});
    if (!window) {
        std::fprintf(stderr, "%s\n", window.error().message.c_str());
        return 1;
    }
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;
    ImGui_ImplGlfw_InitForOpenGL(static_cast<GLFWwindow*>((*window)->nativeHandle()), true);
    ImGui_ImplOpenGL3_Init("#version 130");
    const platform::PixelSize fb = (*window)->framebufferSize();
    const float scale = ui::scaleForWindow(fb.width, fb.height);
    if (auto f = ui::loadFonts(ui::FontOptions{KIOSK_FONT_DIR, scale, largeText}); !f) {
        std::fprintf(stderr, "%s\n", f.error().message.c_str());
        return 1;
    }
    ui::applyTheme(ui::ThemeOptions{scale, highContrast, largeText, 96.0f});

    const ui::Chrome chrome =
        test::sampleChrome(*strings, lang == "vi" ? ui::Language::Vi : ui::Language::En, largeText, highContrast);
    auto result = [&](const core::Dossier& d, std::optional<int> rating = std::nullopt) {
        // With audio.enabled, so the "Nghe" button shows as an office that turns it on sees it.
        ui::ResultOptions o = test::resultOptions(true, rating);
        o.speech = true;
        return ui::buildResultView(d, chrome, o);
    };
    const ui::ResultView processing = result(test::processingDossier());
    const ui::ResultView documents = result(test::needsDocumentsDossier());
    const ui::ResultView payment = result(test::needsPaymentDossier());
    const ui::ResultView done = result(test::doneDossier(), 0);
    const ui::ResultView stopped = result(test::stoppedDossier());
    const ui::ResultView overdue = result(test::overdueDossier());
    const ui::ResultView returned = result(test::returnedDossier());
    ui::ResultView printed = result(test::needsPaymentDossier());
    printed.printMessage = strings->get(kiosk::core::translationKey(kiosk::core::PrintStatus::Printed));
    printed.askRating = true;

    const auto& guidance = test::bundledGuidance();
    const ui::GuidanceHomeView guideHome = ui::buildGuidanceHomeView(guidance, chrome, "justice");
    const ui::GuidanceSearchView guideSearch = ui::buildGuidanceSearchView(guidance, chrome, "ly lich");
    const ui::GuidanceSearchView guideNoMatch = ui::buildGuidanceSearchView(guidance, chrome, "ly lich xe may");
    const ui::GuidanceDetailView guideDetail = ui::buildGuidanceDetailView(
        *guidance.find(test::kJudicialRecordId), guidance.catalog(), chrome, true, ui::PrintProgress::Idle);
    ui::GuidanceDetailView guidePrinted = guideDetail;
    guidePrinted.print = ui::PrintProgress::Printed;

    struct Shot {
        std::string name;
        std::function<void()> draw;
        bool onRequest = false;  ///< drawn only when named in --only (variants kept out of the full set)
    };
    const std::vector<Shot> shots = {
        {"attract", [&] {
             ui::AttractView v{chrome};
             v.cameraAvailable = true;
             ui::drawAttract(v);
         }},
        {"attract-no-camera", [&] { ui::drawAttract(ui::AttractView{chrome}); }},
        {"manual-entry", [&] { ui::drawManualEntry(ui::ManualEntryView{chrome, "0000006H5623102"}); }},
        {"manual-entry-letter", [&] { ui::drawManualEntry(ui::ManualEntryView{chrome, "0000006"}); }},
        {"manual-entry-complete", [&] { ui::drawManualEntry(ui::ManualEntryView{chrome, "0000006H562310270361"}); }},
        {"manual-entry-bad-date", [&] { ui::drawManualEntry(ui::ManualEntryView{chrome, "0000006H562313"}); }},
        {"looking-up", [&] { ui::drawLookingUp(ui::LookingUpView{chrome, "000.00.06.H56-261120-0361", 5.2}); }},
        {"result-processing", [&] { ui::drawResult(processing); }},
        {"result-documents-overdue", [&] { ui::drawResult(documents); }},
        {"result-payment", [&] { ui::drawResult(payment); }},
        {"result-done-rated", [&] { ui::drawResult(done); }},
        {"result-rejected", [&] { ui::drawResult(stopped); }},
        {"result-overdue", [&] { ui::drawResult(overdue); }},
        {"result-returned", [&] { ui::drawResult(returned); }},
        {"result-payment-printed", [&] { ui::drawResult(printed); }, true},
        {"not-found", [&] { ui::drawNotFound(ui::NotFoundView{chrome, "000.00.06.H56-261120-9999"}); }},
        {"invalid-code", [&] { ui::drawInvalidCode(ui::InvalidCodeView{chrome, "untrusted_host"}); }},
        {"problem-offline", [&] { ui::drawProblem(ui::ProblemView{chrome, core::LookupErrorKind::Offline, true}); }},
        {"problem-unauthorized", [&] { ui::drawProblem(ui::ProblemView{chrome, core::LookupErrorKind::Unauthorized}); }},
        {"guidance-home", [&] { ui::drawGuidanceHome(guideHome); }},
        {"guidance-search", [&] { ui::drawGuidanceSearch(guideSearch); }},
        {"guidance-search-no-match", [&] { ui::drawGuidanceSearch(guideNoMatch); }, true},
        {"guidance-detail", [&] { ui::drawGuidanceDetail(guideDetail); }},
        {"guidance-detail-printed", [&] { ui::drawGuidanceDetail(guidePrinted); }, true},
        {"guidance-detail-scrolled", [&] {  // steps, documents and fees, as after a drag
             for (ImGuiWindow* w : GImGui->Windows) {
                 if (std::strstr(w->Name, "guide-detail-") != nullptr) w->Scroll.y = w->ScrollMax.y * 0.55f;
             }
             ui::drawGuidanceDetail(guideDetail);
         }, true},
        {"idle-warning", [&] {
             ui::drawResult(processing);
             ui::drawIdleWarning(ui::IdleWarningView{chrome, 12});
         }},
    };
    std::filesystem::create_directories(out);
    std::string suffix = lang + "-" + std::to_string(width) + "x" + std::to_string(height);
    if (largeText) suffix += "-large";
    if (highContrast) suffix += "-contrast";
    std::vector<unsigned char> pixels(static_cast<std::size_t>(fb.width) * static_cast<std::size_t>(fb.height) * 4);
    for (const Shot& shot : shots) {
        const bool named = ("," + only + ",").find("," + shot.name + ",") != std::string::npos;
        if ((!only.empty() || shot.onRequest) && !named) continue;
        for (int frame = 0; frame < 3; ++frame) {  // layout settles in the second frame
            (*window)->waitEvents(0.0);
            ImGui_ImplOpenGL3_NewFrame();
            ImGui_ImplGlfw_NewFrame();
            ImGui::GetIO().MousePos = ImVec2(-1.0f, -1.0f);
            ImGui::NewFrame();
            ui::beginUiFrame();
            shot.draw();
            ui::endUiFrame();
            ImGui::Render();
            glViewport(0, 0, fb.width, fb.height);
            const ImVec4 bg = ui::currentTheme().palette.background;
            glClearColor(bg.x, bg.y, bg.z, 1.0f);
            glClear(GL_COLOR_BUFFER_BIT);
            ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
            if (frame == 2) {
                glPixelStorei(GL_PACK_ALIGNMENT, 1);
                glReadPixels(0, 0, fb.width, fb.height, GL_RGB, GL_UNSIGNED_BYTE, pixels.data());
                stbi_flip_vertically_on_write(1);
                const std::string file = out + "/" + shot.name + "-" + suffix + ".png";
                if (!stbi_write_png(file.c_str(), fb.width, fb.height, 3, pixels.data(), fb.width * 3)) {
                    std::fprintf(stderr, "cannot write %s\n", file.c_str());
                    return 1;
                }
                std::printf("%s\n", file.c_str());
            }
            (*window)->swapBuffers();
        }
    }
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    return 0;
}
