// What a row's "Results" counts, in words (the row's result_type: each ad set's optimisation event).
import { t, type MessageKey } from "./i18n";

export const resultWords = (type: string | null | undefined) =>
  type ? (t(`resultType.${type}` as MessageKey) ?? type) : t("result.unknown");
