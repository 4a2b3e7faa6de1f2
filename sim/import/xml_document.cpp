#include "import/xml_document.hpp"

#include <expat.h>

namespace pipesim::import {
namespace {

// Deeper nesting than any schedule export needs is refused, so a hostile file cannot
// exhaust the stack of whoever walks the tree.
constexpr std::size_t deepest = 64;

struct Builder {
    XML_Parser parser;
    XmlElement root;
    std::vector<XmlElement*> open;
    bool too_deep = false;
};

void on_start(void* data, const XML_Char* name, const XML_Char** attributes) {
    auto& builder = *static_cast<Builder*>(data);
    if (builder.open.size() >= deepest) {
        builder.too_deep = true;
        XML_StopParser(builder.parser, XML_FALSE);
        return;
    }
    XmlElement* element = &builder.root;
    if (!builder.open.empty()) {
        builder.open.back()->children.emplace_back();
        element = &builder.open.back()->children.back();
    }
    element->name = name;
    for (int i = 0; attributes[i]; i += 2)
        element->attributes.emplace_back(attributes[i], attributes[i + 1]);
    element->line = static_cast<int>(XML_GetCurrentLineNumber(builder.parser));
    element->column = static_cast<int>(XML_GetCurrentColumnNumber(builder.parser)) + 1;
    builder.open.push_back(element);
}

void on_end(void* data, const XML_Char*) {
    static_cast<Builder*>(data)->open.pop_back();
}

void on_text(void* data, const XML_Char* text, int length) {
    auto& builder = *static_cast<Builder*>(data);
    if (!builder.open.empty())
        builder.open.back()->text.append(text, static_cast<std::size_t>(length));
}

}  // namespace

const XmlElement* XmlElement::child(std::string_view child_name) const {
    for (const XmlElement& element : children)
        if (element.name == child_name) return &element;
    return nullptr;
}

std::optional<std::string> XmlElement::text_of(std::string_view child_name) const {
    const XmlElement* element = child(child_name);
    if (!element) return std::nullopt;
    return element->text;
}

XmlElement read_xml(std::string_view text, const std::string& file) {
    Builder builder;
    builder.parser = XML_ParserCreate("UTF-8");
    std::unique_ptr<XML_ParserStruct, decltype(&XML_ParserFree)> owner(builder.parser,
                                                                       XML_ParserFree);
    XML_SetUserData(builder.parser, &builder);
    XML_SetElementHandler(builder.parser, on_start, on_end);
    XML_SetCharacterDataHandler(builder.parser, on_text);
    const auto status =
        XML_Parse(builder.parser, text.data(), static_cast<int>(text.size()), XML_TRUE);
    if (status != XML_STATUS_OK) {
        const SourceLocation where{
            file, static_cast<int>(XML_GetCurrentLineNumber(builder.parser)),
            static_cast<int>(XML_GetCurrentColumnNumber(builder.parser)) + 1};
        if (builder.too_deep)
            throw InputError(where, "", "elements nested deeper than " + std::to_string(deepest));
        throw InputError(where, "",
                         std::string("not well-formed XML: ") +
                             XML_ErrorString(XML_GetErrorCode(builder.parser)));
    }
    return std::move(builder.root);
}

}  // namespace pipesim::import
