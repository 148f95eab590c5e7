#include "tools/refbackend/seed.hpp"

#include <array>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "kiosk/core/api/iso_time.hpp"

namespace refbackend {
namespace {

using nlohmann::json;
using namespace std::chrono;

struct Procedure {
    const char* agencyCode;  // V1V2V3.Z1Z2.Y1Y2.MX1X2
    const char* agency;
    const char* code;
    const char* name;
    int days;  // statutory processing time
};

constexpr std::array kProcedures{
    Procedure{"000.00.06.H56", "Sở Tư pháp tỉnh Quảng Nam", "1.001022",
              "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam", 10},
    Procedure{"000.00.17.H56", "Sở Kế hoạch và Đầu tư tỉnh Quảng Nam", "2.001035",
              "Đăng ký thành lập công ty trách nhiệm hữu hạn hai thành viên trở lên", 3},
    Procedure{"000.00.11.H56", "Sở Tài nguyên và Môi trường tỉnh Quảng Nam", "1.004227",
              "Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất trong các trường hợp "
              "chuyển đổi, chuyển nhượng, cho thuê, cho thuê lại, thừa kế, tặng cho, góp vốn bằng quyền sử dụng đất",
              10},
    Procedure{"000.00.08.H56", "Sở Giao thông vận tải tỉnh Quảng Nam", "1.002804",
              "Đổi Giấy phép lái xe do ngành Giao thông vận tải cấp", 5},
    Procedure{"000.00.12.H56", "Sở Xây dựng tỉnh Quảng Nam", "1.009972", "Cấp giấy phép xây dựng mới đối với công trình cấp đặc biệt, cấp I, cấp II", 20},
    Procedure{"000.22.30.H56", "UBND thành phố Tam Kỳ", "1.001193", "Đăng ký khai sinh", 1},
    Procedure{"000.23.31.H56", "UBND thành phố Hội An", "1.000894", "Đăng ký kết hôn", 5},
    Procedure{"000.24.32.H56", "UBND thị xã Điện Bàn", "2.000908", "Cấp bản sao từ sổ gốc", 2},
};

// Applicant names covering every Vietnamese vowel with every tone, and đ/Đ.
constexpr std::array kNames{
    "Nguyễn Thị Ánh Tuyết", "Trần Văn Đức",      "Lê Hoàng Bảo Ngọc",  "Phạm Thị Hồng Nhung", "Huỳnh Quốc Việt",
    "Võ Thị Ngọc Trâm",     "Đặng Hữu Lộc",      "Bùi Thị Mỹ Duyên",   "Đỗ Xuân Trường",      "Hồ Thị Thùy Dương",
    "Ngô Đình Khải",        "Dương Thị Ỷ Lan",   "Lý Thị Ửng",         "Phan Thế Hiển",       "Vũ Thị Ỡm",
    "Trương Công Tuấn",     "Lương Thị Yến",     "Châu Ngọc Ẩn",       "Mai Thị Ấu",          "Tạ Quang Ượng",
    "Hà Thị Ẽm",            "Kiều Văn Ỹ",        "Cao Thị Ũy",         "Tô Thị Ỏn",           "Quách Ngọc Ửu",
};

std::string iso(sys_seconds t) { return kiosk::core::formatIsoTime(kiosk::core::ZonedTime{t, minutes{420}}); }

}  // namespace

std::vector<SeedDossier> makeSeedDossiers(sys_seconds now) {
    std::vector<SeedDossier> out;
    int sequence = 0;
    // 5 dossiers per status (50): variants 0-1 on time, 2-3 overdue, 4 with a long history.
    for (int status = 1; status <= 10; ++status) {
        for (int variant = 0; variant < 5; ++variant) {
            ++sequence;
            const Procedure& p = kProcedures[static_cast<std::size_t>((status * 3 + variant) % kProcedures.size())];
            const bool overdue = variant == 2 || variant == 3;
            const int workDays = p.days + 2;
            const sys_seconds received = floor<days>(now) + hours{1} + minutes{15 + variant * 7} -
                                         days{overdue ? workDays + 3 + variant : (variant == 4 ? workDays - 1 : 1 + variant)};
            const sys_seconds due = received + days{workDays};
            // Stable codes: the demo codes in the README stay valid whatever day the database is seeded.
            char code[64];
            std::snprintf(code, sizeof code, "%s-2410%02d-%04d", p.agencyCode, 1 + status, sequence);
            json j;
            j["code"] = code;
            j["status"] = status;
            j["procedure"] = {{"code", p.code}, {"name", p.name}};
            j["agency"] = p.agency;
            j["applicant_name"] = kNames[static_cast<std::size_t>(sequence) % kNames.size()];
            j["received_at"] = iso(received);
            j["due_at"] = status == 1 || status == 3 ? json(nullptr) : json(iso(due));
            json history = json::array();
            history.push_back({{"at", iso(received)}, {"unit", "Bộ phận Một cửa"}, {"action", "Tiếp nhận hồ sơ"}});
            const int steps = variant == 4 ? 24 : 3;
            for (int s = 1; s < steps && status >= 2; ++s) {
                history.push_back({{"at", iso(received + hours{5 * s})},
                                   {"unit", s % 2 ? "Phòng chuyên môn" : "Lãnh đạo phòng"},
                                   {"action", s % 2 ? "Thẩm định hồ sơ, chuyển bước tiếp theo" : "Xem xét, cho ý kiến"},
                                   {"note", s % 3 == 0 ? "Đã kiểm tra đối chiếu bản chính" : ""}});
            }
            j["history"] = std::move(history);
            j["missing_documents"] = json::array();
            j["fees"] = json::array();
            if (status == 5) {
                j["missing_documents"] = {{{"name", "Bản sao Căn cước công dân"}, {"note", "bản sao có chứng thực"}},
                                          {{"name", "Tờ khai theo mẫu số 03/2013/TT-LLTP"}, {"note", ""}}};
                j["note"] = "Vui lòng bổ sung giấy tờ tại Quầy số 2 trong giờ hành chính.";
            }
            if (status == 6 || variant == 1) {
                j["fees"] = {{{"description", "Lệ phí cấp phiếu"},
                              {"amount_vnd", 200000},
                              {"paid", status != 6},
                              {"how_to_pay", "Nộp tại quầy thu hoặc thanh toán trực tuyến"},
                              {"pay_url", "https://dichvucong.quangnam.gov.vn/thanh-toan"}}};
            }
            if (status == 9 || status == 10) {
                j["finished_at"] = iso(overdue ? due + days{2} : due - days{1});
                j["pickup"] = {{"place", "Trung tâm Phục vụ hành chính công tỉnh, tầng 1"},
                               {"counter", "Quầy số " + std::to_string(1 + sequence % 8)},
                               {"from", iso(due - days{1})}};
            }
            j["result_delivery"] = {{"online", variant == 0},
                                    {"description", variant == 0 ? "Kết quả điện tử gửi qua Cổng dịch vụ công"
                                                                 : "Nhận trực tiếp tại Bộ phận Một cửa"}};
            j["public_url"] = std::string{"https://dichvucong.quangnam.gov.vn/tra-cuu?MHS="} + code;
            out.push_back({code, status, overdue && !j["due_at"].is_null() && status != 10 && status != 9, j.dump()});
        }
    }
    return out;
}

std::vector<SeedToken> makeSeedTokens(const std::vector<SeedDossier>& dossiers) {
    std::vector<SeedToken> out;
    for (std::size_t i = 0; i < dossiers.size(); i += 9) {
        char token[64];
        std::snprintf(token, sizeof token, "6f1c2a7e-4b3d-4e8a-9c1f-%012zu", i + 1);
        out.push_back({token, dossiers[i].code});
    }
    return out;
}

}  // namespace refbackend
