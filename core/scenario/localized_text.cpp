#include "scenario/localized_text.h"

namespace rs {

const std::string& LocalizedText::in(std::string_view lang) const {
    const bool chinese = lang == "zh_CN" || lang == "zh-CN";
    return chinese && !zh_CN.empty() ? zh_CN : en;
}

std::string* LocalizedText::field(std::string_view key) {
    if (key == "en") return &en;
    if (key == "zh_CN") return &zh_CN;
    return nullptr;
}

} // namespace rs
