// What a row's "Results" counts, in words (the row's result_type: each ad set's optimisation event).
import type { components } from "@pixecom/types";

type ResultType = components["schemas"]["ResultType"];
export const RESULT_WORDS: Record<ResultType, string> = {
  add_payment_info: "Payment info added",
  add_to_cart: "Add to cart",
  add_to_wishlist: "Add to wishlist",
  app_install: "App installs",
  complete_registration: "Registrations",
  content_view: "Content views",
  impressions: "Impressions",
  initiate_checkout: "Checkouts",
  landing_page_view: "Landing page views",
  lead: "Leads",
  link_click: "Link clicks",
  messaging_conversation_started: "Conversations",
  mixed: "Mixed",
  page_like: "Page likes",
  post_engagement: "Post engagement",
  purchase: "Purchases",
  reach: "Reach",
  search: "Searches",
  thruplay: "ThruPlays",
};
export const resultWords = (type: string | null | undefined) =>
  type ? (RESULT_WORDS[type as ResultType] ?? type) : "Not known";
