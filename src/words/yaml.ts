/**
 * What the YAML parser found wrong, in a planner's words (its own sentences speak of tokens,
 * implicit keys and its API), in English and Vietnamese: what is wrong, and how to fix it.
 */
import type { ErrorCode } from "yaml";
import type { Lang } from "./labels.ts";

/**
 * Lists and mappings nested deeper than this are refused before they are composed: a plan is a few
 * levels deep, and a few hundred would overflow the stack of the YAML composer (and of any reader
 * after it), which would then speak of "Maximum call stack size exceeded".
 */
export const MAX_NESTING = 64;

type Words = readonly [what: string, fix?: string];

const CHECK_THE_LINE = "check the colons, commas, brackets and quotes of this line";
const XEM_LAI_DONG = "hãy xem lại dấu hai chấm, dấu phẩy, dấu ngoặc và dấu nháy của dòng này";

export const YAML_WORDS: Readonly<Record<Lang, Readonly<Record<ErrorCode, Words>>>> = {
  en: {
    ALIAS_PROPS: ["an alias (*name) cannot have an anchor (&) or a tag (!)", "remove the & or ! before it"],
    BAD_ALIAS: ["an anchor or alias (&name, *name) is empty, ends in a colon, or names no anchor above it", "give the anchor a name before the alias uses it, e.g. &window … *window"],
    BAD_COLLECTION_TYPE: ["a tag (!name) does not fit the list or mapping it is on", "remove the tag"],
    BAD_DIRECTIVE: ["a line starting with % is not a directive YAML knows", "remove it, or put the value in quotes"],
    BAD_DQ_ESCAPE: ["a backslash in double quotes starts an escape YAML does not know", "write \\\\ for a backslash, or use single quotes"],
    BAD_INDENT: ["this line is not indented like the lines it belongs with", "check the indentation and the colons of this line"],
    BAD_PROP_ORDER: ["an anchor or tag (&name, !name) must come after the - or : before it"],
    BAD_SCALAR_START: ["a value cannot start with this character unless it is in quotes", "put the value in quotes"],
    BLOCK_AS_IMPLICIT_KEY: ["a key cannot be a list or a mapping: a colon too many on this line?", "put text with a colon in quotes"],
    BLOCK_IN_FLOW: ["an indented list or mapping inside [ ] or { }", "write what is inside the brackets on one line, or use indentation alone"],
    DUPLICATE_KEY: ["a key appears twice in this mapping", "each key may appear once in a mapping"],
    IMPOSSIBLE: ["this line cannot be read as YAML", CHECK_THE_LINE],
    KEY_OVER_1024_CHARS: ["a key is longer than 1024 characters", "check the colons of this line"],
    MISSING_CHAR: ["something is missing here: a colon after a key, a comma between items, a closing bracket or quote", CHECK_THE_LINE],
    MULTILINE_IMPLICIT_KEY: ["a key must fit on one line", "check the line above for a missing colon or quote"],
    MULTIPLE_ANCHORS: ["a value has two anchors (&name)", "keep one"],
    MULTIPLE_DOCS: ["the file holds more than one YAML document (---)", "keep one document in the file: remove the second --- and what follows it, or move that to a file of its own"],
    MULTIPLE_TAGS: ["a value has two tags (!name)", "keep one"],
    NON_STRING_KEY: ["a key must be text", "write the key as text"],
    RESOURCE_EXHAUSTION: [`nested too deeply: lists and mappings more than ${MAX_NESTING} levels deep`, "a plan is a few levels deep: look for a run of [, { or - here"],
    TAB_AS_INDENT: ["a tab indents this line", "indent with spaces, not tabs"],
    TAG_RESOLVE_FAILED: ["a tag (!name) taphuan does not know", "remove the ! and the name after it"],
    UNEXPECTED_TOKEN: ["unexpected text here", `${CHECK_THE_LINE}; text starting with [ { * & ! | > % @ or \` goes in quotes`],
  },
  vi: {
    ALIAS_PROPS: ["một bí danh (*tên) không được có neo (&) hay thẻ (!)", "hãy bỏ dấu & hoặc ! đứng trước nó"],
    BAD_ALIAS: ["một neo hay bí danh (&tên, *tên) để trống, kết thúc bằng dấu hai chấm, hoặc gọi một neo không có ở trên", "hãy đặt tên cho neo trước khi bí danh dùng nó, ví dụ &window … *window"],
    BAD_COLLECTION_TYPE: ["một thẻ (!tên) không hợp với danh sách hay bảng nó gắn vào", "hãy bỏ thẻ đó"],
    BAD_DIRECTIVE: ["dòng bắt đầu bằng % không phải chỉ thị YAML", "hãy bỏ dòng đó, hoặc đặt giá trị trong dấu nháy"],
    BAD_DQ_ESCAPE: ["dấu gạch chéo ngược trong dấu nháy kép mở đầu một ký tự thoát YAML không biết", "hãy viết \\\\ cho dấu gạch chéo ngược, hoặc dùng dấu nháy đơn"],
    BAD_INDENT: ["dòng này không thụt lề như các dòng cùng nhóm", "hãy xem lại thụt lề và dấu hai chấm của dòng này"],
    BAD_PROP_ORDER: ["neo hay thẻ (&tên, !tên) phải đứng sau dấu - hoặc : trước nó"],
    BAD_SCALAR_START: ["giá trị không được bắt đầu bằng ký tự này nếu không đặt trong dấu nháy", "hãy đặt giá trị trong dấu nháy"],
    BLOCK_AS_IMPLICIT_KEY: ["khóa không thể là danh sách hay bảng: dòng này thừa một dấu hai chấm?", "hãy đặt đoạn chữ có dấu hai chấm trong dấu nháy"],
    BLOCK_IN_FLOW: ["một danh sách hay bảng thụt lề nằm trong [ ] hoặc { }", "hãy viết phần trong ngoặc trên một dòng, hoặc chỉ dùng thụt lề"],
    DUPLICATE_KEY: ["một khóa xuất hiện hai lần trong cùng bảng", "mỗi khóa chỉ được ghi một lần"],
    IMPOSSIBLE: ["không đọc được dòng này theo YAML", XEM_LAI_DONG],
    KEY_OVER_1024_CHARS: ["một khóa dài hơn 1024 ký tự", "hãy xem lại dấu hai chấm của dòng này"],
    MISSING_CHAR: ["thiếu một ký tự ở đây: dấu hai chấm sau khóa, dấu phẩy giữa các mục, dấu ngoặc hay dấu nháy đóng", XEM_LAI_DONG],
    MULTILINE_IMPLICIT_KEY: ["khóa phải nằm trên một dòng", "hãy xem dòng trên có thiếu dấu hai chấm hay dấu nháy không"],
    MULTIPLE_ANCHORS: ["một giá trị có hai neo (&tên)", "hãy giữ một"],
    MULTIPLE_DOCS: ["tệp có nhiều hơn một văn bản YAML (---)", "hãy giữ một văn bản trong tệp: bỏ dấu --- thứ hai và phần sau nó, hoặc chuyển phần đó sang tệp khác"],
    MULTIPLE_TAGS: ["một giá trị có hai thẻ (!tên)", "hãy giữ một"],
    NON_STRING_KEY: ["khóa phải là chữ", "hãy viết khóa bằng chữ"],
    RESOURCE_EXHAUSTION: [`lồng quá sâu: danh sách và bảng lồng nhau quá ${MAX_NESTING} tầng`, "kế hoạch chỉ sâu vài tầng: hãy tìm một chuỗi [, { hoặc - ở đây"],
    TAB_AS_INDENT: ["dòng này thụt lề bằng phím tab", "hãy thụt lề bằng dấu cách, không dùng tab"],
    TAG_RESOLVE_FAILED: ["một thẻ (!tên) taphuan không biết", "hãy bỏ dấu ! và tên sau nó"],
    UNEXPECTED_TOKEN: ["có chữ không đúng chỗ ở đây", `${XEM_LAI_DONG}; đoạn chữ bắt đầu bằng [ { * & ! | > % @ hoặc \` phải đặt trong dấu nháy`],
  },
};

/** A YAML problem's sentence: "not valid YAML: what — fix", in the reader's language. */
export function yamlText(code: ErrorCode, lang: Lang): { message: string; hint?: string } {
  const [what, fix] = YAML_WORDS[lang][code];
  // A file that is YAML but more than one document, or too deep, is not malformed text.
  const prefix = code === "MULTIPLE_DOCS" || code === "RESOURCE_EXHAUSTION" ? "" : lang === "vi" ? "không phải YAML hợp lệ: " : "not valid YAML: ";
  return { message: `${prefix}${what}`, ...(fix ? { hint: fix } : {}) };
}
