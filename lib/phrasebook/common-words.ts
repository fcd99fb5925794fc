// Words too common to anchor a pattern on their own: a pattern whose only fixed part is one of
// these would fire on almost every draft. Several words together are fine ("do not", "we are").
export const COMMON_WORDS = new Set(
  `a about after all also am an and any are as at be been but by can could did do does for from get got had has
  have he her here him his how i if in into is it its just know let like me more my no not now of on one or our out
  please so some than that the their them then there they this to too up us very was we were what when which who
  will with would yes you your
  och att det som en ett är jag du vi ni inte på i med för av till den har kan så om var men de han hon ska vill
  bara nu här där mig dig oss er`.split(/\s+/),
);
