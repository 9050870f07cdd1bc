#include "kiosk/ui/keypad.h"

#include <algorithm>
#include <string>
#include <vector>

#include "kiosk/ui/screen_lookup_strings.h"
#include "kiosk/ui/theme.h"

namespace kiosk::ui {
namespace {

enum class KeyRole { Char, Back, Clear, Letters, Digits, Ok };

struct Key {
    KeyRole role;
    char ch = 0;   // Char keys
    int span = 1;  // columns taken
};

struct Layout {
    int columns;
    std::vector<std::vector<Key>> rows;
};

std::vector<Key> chars(const char* text) {
    std::vector<Key> keys;
    for (const char* c = text; *c; ++c)
        keys.push_back({KeyRole::Char, *c, 1});
    return keys;
}

// Phone-like digits, then the characters agency codes need. The letters page holds A–Z.
Layout layout_for(KeypadMode mode, KeypadPage page) {
    if (mode == KeypadMode::Digits) {
        return {5,
                {chars("12345"),
                 chars("67890"),
                 {{KeyRole::Back}, {KeyRole::Clear}, {KeyRole::Ok, 0, 3}}}};
    }
    if (page == KeypadPage::Letters) {
        return {7,
                {chars("ABCDEFG"),
                 chars("HIJKLMN"),
                 chars("OPQRSTU"),
                 chars("VWXYZ.-"),
                 {{KeyRole::Digits, 0, 2}, {KeyRole::Back, 0, 2}, {KeyRole::Ok, 0, 3}}}};
    }
    std::vector<Key> r1 = chars("123H"), r2 = chars("456.-"), r3 = chars("7890");
    r1.push_back({KeyRole::Back});
    r3.push_back({KeyRole::Letters});
    return {5, {r1, r2, r3, {{KeyRole::Clear, 0, 2}, {KeyRole::Ok, 0, 3}}}};
}

std::string key_label(Language lang, const Key& k, const char* ok_label) {
    switch (k.role) {
        case KeyRole::Char:
            return std::string(1, k.ch);
        case KeyRole::Back:
            return tr(lang, LkStr::KeyBack);
        case KeyRole::Clear:
            return tr(lang, LkStr::KeyClear);
        case KeyRole::Letters:
            return tr(lang, LkStr::KeyLetters);
        case KeyRole::Digits:
            return tr(lang, LkStr::KeyDigits);
        case KeyRole::Ok:
            return ok_label;
    }
    return {};
}

std::string key_arg(const Key& k) {
    switch (k.role) {
        case KeyRole::Char:
            return std::string(1, k.ch);
        case KeyRole::Back:
            return "back";
        case KeyRole::Clear:
            return "clear";
        case KeyRole::Letters:
            return "letters";
        case KeyRole::Digits:
            return "digits";
        case KeyRole::Ok:
            return {};
    }
    return {};
}

}  // namespace

int keypad_rows(KeypadMode mode, KeypadPage page) {
    return static_cast<int>(layout_for(mode, page).rows.size());
}

float keypad_height(const Ui& ui, KeypadMode mode, KeypadPage page, float key_h) {
    const int rows = keypad_rows(mode, page);
    return static_cast<float>(rows) * key_h + static_cast<float>(rows - 1) * keypad_gap(ui);
}

void draw_keypad(Ui& ui, KeypadMode mode, KeypadPage page, const char* ok_label, ImVec2 pos,
                 float width, float key_h) {
    const Layout layout = layout_for(mode, page);
    const float gap = keypad_gap(ui);
    const float cols = static_cast<float>(layout.columns);
    const float key_w = (width - (cols - 1) * gap) / cols;
    float y = pos.y;
    int row_index = 0;
    for (const std::vector<Key>& row : layout.rows) {
        float x = pos.x;
        int col = 0;
        for (const Key& k : row) {
            const float w =
                key_w * static_cast<float>(k.span) + gap * static_cast<float>(k.span - 1);
            const std::string label = key_label(ui.lang, k, ok_label);
            // Single characters large; word keys in the body font so they fit on one line.
            ImFont* font = k.role == KeyRole::Char ? ui.fonts.title : ui.fonts.strong;
            if (k.role != KeyRole::Char && k.role != KeyRole::Ok) font = ui.fonts.body;
            const std::string id = "##key-" + std::to_string(row_index) + "-" + std::to_string(col);
            ImGui::SetCursorScreenPos(ImVec2(x, y));
            const ButtonKind kind =
                k.role == KeyRole::Ok ? ButtonKind::Primary : ButtonKind::Secondary;
            if (big_button(ui, {id.c_str(), {{label, font, 0}}, ImVec2(w, key_h), kind})) {
                if (k.role == KeyRole::Ok)
                    ui.out.emit(ActionType::LookupSubmit);
                else
                    ui.out.emit(ActionType::LookupKey, key_arg(k));
            }
            x += w + gap;
            col += k.span;
        }
        y += key_h + gap;
        ++row_index;
    }
}

}  // namespace kiosk::ui
