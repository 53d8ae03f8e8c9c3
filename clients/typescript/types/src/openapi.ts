// GENERATED from openapi/openapi.json by openapi-typescript: do not edit.
// Regenerate with `npm run generate` (after `make openapi`); `npm run check` compares.

export interface paths {
    "/api/ad-accounts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List Ad Accounts */
        get: operations["ad_accounts_list_ad_accounts"];
        put?: never;
        /**
         * Connect Ad Account
         * @description Check the token against Meta, store the account (token encrypted), queue syncs and backfill.
         */
        post: operations["ad_accounts_connect_ad_account"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ad-accounts/{account_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get Ad Account */
        get: operations["ad_accounts_get_ad_account"];
        put?: never;
        post?: never;
        /**
         * Disconnect Ad Account
         * @description Disconnect the account and remove its campaigns, ad sets, ads, stats and sync history.
         */
        delete: operations["ad_accounts_disconnect_ad_account"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ad-accounts/{account_id}/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Replace Ad Account Token
         * @description A new token for the account (e.g. after NEEDS_REAUTH): checked with Meta, then ACTIVE again.
         */
        put: operations["ad_accounts_replace_ad_account_token"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ad-accounts/{account_id}/sync": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sync Ad Account
         * @description Queue an immediate stats and delivery sync, and every backfill chunk not done yet.
         */
        post: operations["ad_accounts_sync_ad_account"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ads-manager/campaigns": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Campaigns
         * @description campaigns with metrics for the date range, a summary per currency over every matching row, a grand total converted into the seller's reporting currency, and a keyset cursor. A preset resolves in each ad account's own timezone; `date_range` is then the envelope (earliest since, latest until) of those accounts' ranges.
         */
        get: operations["ads_manager_list_campaigns"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ads-manager/campaigns/export.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export Campaigns
         * @description Every matching campaigns row as CSV, then one summary row per currency (and the converted total). The same filters, `columns` and `compare` as the list.
         */
        get: operations["ads_manager_export_campaigns"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ads-manager/campaigns/{entity_id}/daily": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Daily Campaigns
         * @description One point per day of the range for one of campaigns, for charts.
         */
        get: operations["ads_manager_daily_campaigns"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ads-manager/adsets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Adsets
         * @description adsets with metrics for the date range, a summary per currency over every matching row, a grand total converted into the seller's reporting currency, and a keyset cursor. A preset resolves in each ad account's own timezone; `date_range` is then the envelope (earliest since, latest until) of those accounts' ranges.
         */
        get: operations["ads_manager_list_adsets"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ads-manager/adsets/export.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export Adsets
         * @description Every matching adsets row as CSV, then one summary row per currency (and the converted total). The same filters, `columns` and `compare` as the list.
         */
        get: operations["ads_manager_export_adsets"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ads-manager/adsets/{entity_id}/daily": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Daily Adsets
         * @description One point per day of the range for one of adsets, for charts.
         */
        get: operations["ads_manager_daily_adsets"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ads-manager/ads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Ads
         * @description ads with metrics for the date range, a summary per currency over every matching row, a grand total converted into the seller's reporting currency, and a keyset cursor. A preset resolves in each ad account's own timezone; `date_range` is then the envelope (earliest since, latest until) of those accounts' ranges.
         */
        get: operations["ads_manager_list_ads"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ads-manager/ads/export.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export Ads
         * @description Every matching ads row as CSV, then one summary row per currency (and the converted total). The same filters, `columns` and `compare` as the list.
         */
        get: operations["ads_manager_export_ads"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ads-manager/ads/{entity_id}/daily": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Daily Ads
         * @description One point per day of the range for one of ads, for charts.
         */
        get: operations["ads_manager_daily_ads"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/alerts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List Alerts */
        get: operations["alerts_list_alerts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/alerts/{alert_id}/ack": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Acknowledge Alert */
        post: operations["alerts_acknowledge_alert"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/alerts/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get Thresholds */
        get: operations["alerts_get_thresholds"];
        /** Put Thresholds */
        put: operations["alerts_put_thresholds"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/alerts/webhook": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The webhook and its delivery status; null when none is set */
        get: operations["alerts_get_webhook"];
        /** Put Webhook */
        put: operations["alerts_put_webhook"];
        post?: never;
        /** Delete Webhook */
        delete: operations["alerts_delete_webhook"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/alerts/webhook/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Test Webhook
         * @description Send a signed test event to the webhook now and say how it went (also in its status).
         */
        post: operations["alerts_test_webhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a seller and its owner user, signed in
         * @description When sign-up is by invitation, `invitation_code` is required: 403 with code invitation_required, invitation_invalid, invitation_used or invitation_expired otherwise.
         */
        post: operations["auth_register"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Exchange email and password for an access and a refresh token */
        post: operations["auth_login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Spend a refresh token (body or cookie) for a new pair
         * @description Reusing a spent token revokes the session, except the token spent just before the current one within the grace window (30 s): that answers with the same successor (two tabs).
         */
        post: operations["auth_refresh"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revoke the refresh token's session (body or cookie; idempotent) and clear the cookie */
        post: operations["auth_logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user (with their role), their seller, their permissions and ad accounts */
        get: operations["auth_me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/accept-invitation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Join a team with an invitation code, signing in with an existing login
         * @description For a user who is in no team now (removed from one, say); a new person registers with the code instead. 409 already_member when the login is still in a team.
         */
        post: operations["auth_accept_invitation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ads-manager/breakdown-jobs/{job_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get Breakdown Job
         * @description One breakdown report: `done` means the list asked for again now carries its breakdown rows.
         */
        get: operations["ads_manager_get_breakdown_job"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ads-manager/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change Status
         * @description Queue a pause/activate of up to 500 campaigns, ad sets or ads; answers with the job id.
         */
        post: operations["control_change_status"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ads-manager/budgets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change Budgets
         * @description Queue a daily or lifetime budget (an amount, or a change in percent) on up to 500 campaigns
         *     or ad sets; answers with the job id. Each item that Meta would refuse (the budget lives on the
         *     other level, the other budget type, another currency, below the account's minimum daily
         *     budget, a fifth change of an ad set within the hour) fails at once with the reason.
         */
        post: operations["control_change_budgets"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/jobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Jobs
         * @description The seller's recent jobs, newest first, with item counts per outcome.
         */
        get: operations["control_list_jobs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/jobs/{job_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get Job
         * @description One job with what happened to each item.
         */
        get: operations["control_get_job"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Audit
         * @description The seller's audit log, newest first; `cursor` continues where the last page ended.
         */
        get: operations["control_list_audit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ads-manager/creatives": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Creatives
         * @description One row per creative version group (the ads sharing a media, an ad text, a thumbnail or a
         *     post) and currency, every metric summed over its ads, with its fatigue; the ads list's
         *     filters, plus the version filters. Sorted by `sort`, `limit` groups a page (default 50, at
         *     most 500), `paging.next_cursor` for the next one; the summary is over every page's groups.
         */
        get: operations["ads_manager_list_creatives"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ads-manager/creatives/export.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export Creatives
         * @description Every matching creative version group as CSV, then one summary row per currency.
         */
        get: operations["ads_manager_export_creatives"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ads-manager/creatives/daily": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Creative Daily
         * @description One point per day for one creative version group (its ads in that currency): gaps as zeros.
         */
        get: operations["ads_manager_creative_daily"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ads-manager/ads/{ad_id}/creative": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get Ad Creative
         * @description The ad's creative (media, text, thumbnail, post, each asset), its version keys (to list
         *     the ads sharing each: `/ads?media_version=<key>`, ...) and the ad's fatigue.
         */
        get: operations["ads_manager_get_ad_creative"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reporting-currency": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get Reporting Currency */
        get: operations["currency_get_reporting_currency"];
        /** Put Reporting Currency */
        put: operations["currency_put_reporting_currency"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/exchange-rates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Exchange Rates
         * @description The reference rates a conversion on day `on` (default: today, UTC) uses, per currency.
         */
        get: operations["currency_exchange_rates"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Health */
        get: operations["health_health"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/meta/connect": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start Connect
         * @description The Meta dialog URL (single-use state, 10 minutes); re-requests declined permissions.
         */
        post: operations["meta_login_start_connect"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/meta/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Finish Connect
         * @description Check the state, exchange the code once, keep the grant; list the ad accounts it reaches.
         */
        post: operations["meta_login_finish_connect"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/meta/connections/{connection_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get Connection */
        get: operations["meta_login_get_connection"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/meta/connections/{connection_id}/accounts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Connect Accounts
         * @description Connect the chosen accounts with this connection's token and start their backfill.
         */
        post: operations["meta_login_connect_accounts"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/meta/token-health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Token Health
         * @description Each connected account's token: source, expiry, data-access expiry, scopes and state.
         */
        get: operations["meta_login_list_token_health"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/meta/deauthorize": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Deauthorize
         * @description Meta's deauthorize callback (form field `signed_request`): disconnect, erase tokens.
         */
        post: operations["meta_login_deauthorize"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/meta/data-deletion": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Data Deletion
         * @description Meta's data-deletion callback: delete what we hold from Meta for the user's accounts.
         */
        post: operations["meta_login_data_deletion"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/meta/data-deletion/{confirmation_code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Data Deletion Status
         * @description The public status page of a deletion (or deauthorization) request.
         */
        get: operations["meta_login_data_deletion_status"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/preferences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read Preferences */
        get: operations["preferences_read_preferences"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change Preferences */
        patch: operations["preferences_change_preferences"];
        trace?: never;
    };
    "/api/ads-manager/column-presets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List Column Presets */
        get: operations["preferences_list_column_presets"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List Rules */
        get: operations["rules_list_rules"];
        put?: never;
        /** Create Rule */
        post: operations["rules_create_rule"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rules/{rule_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get Rule */
        get: operations["rules_get_rule"];
        put?: never;
        post?: never;
        /** Delete Rule */
        delete: operations["rules_delete_rule"];
        options?: never;
        head?: never;
        /** Update Rule */
        patch: operations["rules_update_rule"];
        trace?: never;
    };
    "/api/rules/{rule_id}/enable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Enable Rule */
        post: operations["rules_enable_rule"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rules/{rule_id}/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Disable Rule */
        post: operations["rules_disable_rule"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rules/{rule_id}/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Preview Rule */
        post: operations["rules_preview_rule"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rules/{rule_id}/runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List Runs */
        get: operations["rules_list_runs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sellpages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List Sellpages */
        get: operations["sellpages_list_sellpages"];
        put?: never;
        /** Create Sellpage */
        post: operations["sellpages_create_sellpage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sellpages/{sellpage_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete Sellpage */
        delete: operations["sellpages_delete_sellpage"];
        options?: never;
        head?: never;
        /** Update Sellpage */
        patch: operations["sellpages_update_sellpage"];
        trace?: never;
    };
    "/api/campaigns/{campaign_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Update Campaign */
        patch: operations["sellpages_update_campaign"];
        trace?: never;
    };
    "/api/auth/signup-rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Signup Rules */
        get: operations["auth_signup_rules"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/store/keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Keys
         * @description The seller's store API keys, revoked ones included (never the keys themselves).
         */
        get: operations["store_list_keys"];
        put?: never;
        /**
         * Create Key
         * @description A new store API key; the key itself is in this answer only.
         */
        post: operations["store_create_key"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/store/keys/{key_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke Key
         * @description Revoke a key: from now on it is refused (401 api_key_revoked). Revoking twice is no change.
         */
        delete: operations["store_revoke_key"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/store/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send Order Event
         * @description One order event. Sending it again answers `duplicate`, an older version `stale`; neither
         *     changes anything. A refused event (422, or 409 version_conflict) writes nothing.
         */
        post: operations["store_send_order_event"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/store/orders/batch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send Order Batch
         * @description Up to 1,000 order events (a store's history): the good ones are written, each is answered.
         */
        post: operations["store_send_order_batch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ads-manager/sellpages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Sellpages
         * @description Each sellpage: spend, purchases and purchase value of the campaigns linked to it beside the
         *     store's orders and revenue, per currency; store ROAS, MER and the gap where one currency allows.
         *     By name, `limit` per page (default 50), `paging.next_cursor` for the next one.
         */
        get: operations["store_list_sellpages"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/team/roles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every role and what it may do (the permission table) */
        get: operations["team_list_roles"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/team/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List Members */
        get: operations["team_list_members"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/team/members/{user_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a member: their next request is refused */
        delete: operations["team_remove_member"];
        options?: never;
        head?: never;
        /**
         * Change a member's role and/or ad accounts
         * @description Lowering what a member may do ends their sessions at once (their next request is refused; they sign in again). 409 last_owner: a team keeps an owner.
         */
        patch: operations["team_change_member"];
        trace?: never;
    };
    "/api/team/leave": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Leave the team (not the last owner); this session ends */
        post: operations["team_leave_team"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/team/transfer-ownership": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Make another member an owner; you become an admin (and sign in again) */
        post: operations["team_transfer_ownership"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/team/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Invitations not yet accepted and not expired */
        get: operations["team_list_invitations"];
        put?: never;
        /**
         * Invite someone by email: a single-use code that expires
         * @description The invitee registers with the code (POST /api/auth/register, no seller_name) or, with an existing login in no team, accepts it (POST /api/auth/accept-invitation).
         */
        post: operations["team_invite"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/team/invitations/{invitation_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Cancel a pending invitation */
        delete: operations["team_cancel_invitation"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * AcceptInvitationRequest
         * @description An existing user who is in no team (e.g. removed from one) joins with an invitation.
         */
        AcceptInvitationRequest: {
            /** Invitation Code */
            invitation_code: string;
            /** Email */
            email: string;
            /** Password */
            password: string;
        };
        /** AccountTokenHealthOut */
        AccountTokenHealthOut: {
            /**
             * Account Id
             * Format: uuid
             */
            account_id: string;
            /** Meta Account Id */
            meta_account_id: string;
            /** Name */
            name: string;
            /** Connection Id */
            connection_id: string | null;
            token: components["schemas"]["TokenHealthOut"];
        };
        /** Action */
        "Action-Input": {
            type: components["schemas"]["RuleActionType"];
            /** Percent */
            percent?: number | string | null;
        };
        /** Action */
        "Action-Output": {
            type: components["schemas"]["RuleActionType"];
            /** Percent */
            percent?: string | null;
        };
        /** AdAccountList */
        AdAccountList: {
            /** Data */
            data: components["schemas"]["AdAccountOut"][];
        };
        /** AdAccountOut */
        AdAccountOut: {
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Meta Account Id */
            meta_account_id: string;
            /** Name */
            name: string;
            /** Currency */
            currency: string;
            /** Timezone Name */
            timezone_name: string;
            /** Account Status */
            account_status: number | null;
            connection_status: components["schemas"]["ConnectionStatus"];
            /** Connection Error */
            connection_error: string | null;
            /** Throttled Until */
            throttled_until: string | null;
            stats: components["schemas"]["SyncState"];
            delivery: components["schemas"]["SyncState"];
            backfill: components["schemas"]["BackfillState"];
            reconciliation: components["schemas"]["ReconciliationOut"];
            token: components["schemas"]["TokenHealthOut"];
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
        };
        /**
         * AdCreativeOut
         * @description An ad's creative as Meta describes it, with the keys of its version groups.
         */
        AdCreativeOut: {
            /**
             * Ad Id
             * Format: uuid
             */
            ad_id: string;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Meta Id */
            meta_id: string;
            /** Name */
            name: string | null;
            /**
             * Format
             * @enum {string}
             */
            format: "image" | "video" | "carousel" | "flexible" | "other";
            /** Object Type */
            object_type: string | null;
            /** Image Hash */
            image_hash: string | null;
            /** Video Id */
            video_id: string | null;
            /**
             * Thumbnail Url
             * @description null once Meta's signed URL has expired
             */
            thumbnail_url: string | null;
            /** Thumbnail Expires At */
            thumbnail_expires_at: string | null;
            /** Title */
            title: string | null;
            /** Body */
            body: string | null;
            /** Call To Action */
            call_to_action: string | null;
            /** Link Url */
            link_url: string | null;
            /** Post Id */
            post_id: string | null;
            /**
             * Assets
             * @description each asset of a flexible creative, or card of a carousel
             */
            assets: components["schemas"]["CreativeAsset"][] | null;
            versions: components["schemas"]["CreativeVersions"];
            /** @description the ad's own fatigue; null before it delivered */
            fatigue: components["schemas"]["FatigueOut"] | null;
        };
        /** AdList */
        AdList: {
            /** Data */
            data: components["schemas"]["AdRow"][];
            /**
             * Summary
             * @description every matching row (not only this page), one entry per currency
             */
            summary: components["schemas"]["CurrencySummary"][];
            paging: components["schemas"]["Paging"];
            /** @description a preset resolves per ad account timezone: the envelope (earliest since, latest until) of the accounts' ranges */
            date_range: components["schemas"]["DateRangeOut"];
            /** @description with compare=: the comparison range (for presets, the envelope of the accounts' comparison ranges, each moved from the account's own range) */
            compare_range?: components["schemas"]["DateRangeOut"] | null;
            /** @description null until the seller chooses a reporting currency (PUT /api/reporting-currency) */
            converted_total: components["schemas"]["ConvertedTotal"] | null;
            /** @description null unless `breakdown=` is given */
            breakdown: components["schemas"]["BreakdownInfo"] | null;
        };
        /** AdRow */
        AdRow: {
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Meta Id */
            meta_id: string;
            /** Name */
            name: string;
            status: components["schemas"]["CampaignStatus"];
            delivery_status: components["schemas"]["DeliveryStatus"];
            /**
             * Effective Status
             * @description Meta's effective_status, as Meta reports it
             */
            effective_status: string;
            /**
             * Ad Account Id
             * Format: uuid
             */
            ad_account_id: string;
            /** Ad Account Name */
            ad_account_name: string;
            /** Sellpage Id */
            sellpage_id: string | null;
            /**
             * Currency
             * @example USD
             */
            currency: string;
            /**
             * Result Type
             * @description null when no ad set's optimization event is known
             */
            result_type: components["schemas"]["ResultType"] | null;
            /**
             * Attribution Setting
             * @description the ad sets' attribution setting in words ('7-day click or 1-day view'), `mixed` when they differ, null when unknown
             * @example 7-day click or 1-day view
             */
            attribution_setting: string | null;
            store: components["schemas"]["StoreNumbers"];
            metrics: components["schemas"]["ChosenMetrics"];
            /** @description with compare=: the same metrics over the comparison range (compare_range) */
            previous_metrics?: components["schemas"]["ChosenMetrics"] | null;
            /** @description with compare=: each metric's relative change */
            change?: components["schemas"]["MetricChanges"] | null;
            /**
             * Reach Unavailable
             * @description why `metrics.reach` is null (not read from Meta yet, Meta's rate limit, several ad accounts, a filtered selection); null when reach is given
             */
            reach_unavailable?: string | null;
            /**
             * Breakdowns
             * @description null unless `breakdown=` is given; then this row's breakdown rows, biggest spend first
             */
            breakdowns: components["schemas"]["BreakdownRow"][] | null;
            /**
             * Campaign Id
             * Format: uuid
             */
            campaign_id: string;
            /** Campaign Name */
            campaign_name: string;
            /**
             * Adset Id
             * Format: uuid
             */
            adset_id: string;
            /** Adset Name */
            adset_name: string;
        };
        /** AdsetList */
        AdsetList: {
            /** Data */
            data: components["schemas"]["AdsetRow"][];
            /**
             * Summary
             * @description every matching row (not only this page), one entry per currency
             */
            summary: components["schemas"]["CurrencySummary"][];
            paging: components["schemas"]["Paging"];
            /** @description a preset resolves per ad account timezone: the envelope (earliest since, latest until) of the accounts' ranges */
            date_range: components["schemas"]["DateRangeOut"];
            /** @description with compare=: the comparison range (for presets, the envelope of the accounts' comparison ranges, each moved from the account's own range) */
            compare_range?: components["schemas"]["DateRangeOut"] | null;
            /** @description null until the seller chooses a reporting currency (PUT /api/reporting-currency) */
            converted_total: components["schemas"]["ConvertedTotal"] | null;
            /** @description null unless `breakdown=` is given */
            breakdown: components["schemas"]["BreakdownInfo"] | null;
        };
        /** AdsetRow */
        AdsetRow: {
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Meta Id */
            meta_id: string;
            /** Name */
            name: string;
            status: components["schemas"]["CampaignStatus"];
            delivery_status: components["schemas"]["DeliveryStatus"];
            /**
             * Effective Status
             * @description Meta's effective_status, as Meta reports it
             */
            effective_status: string;
            /**
             * Ad Account Id
             * Format: uuid
             */
            ad_account_id: string;
            /** Ad Account Name */
            ad_account_name: string;
            /** Sellpage Id */
            sellpage_id: string | null;
            /**
             * Currency
             * @example USD
             */
            currency: string;
            /**
             * Result Type
             * @description null when no ad set's optimization event is known
             */
            result_type: components["schemas"]["ResultType"] | null;
            /**
             * Attribution Setting
             * @description the ad sets' attribution setting in words ('7-day click or 1-day view'), `mixed` when they differ, null when unknown
             * @example 7-day click or 1-day view
             */
            attribution_setting: string | null;
            store: components["schemas"]["StoreNumbers"];
            metrics: components["schemas"]["ChosenMetrics"];
            /** @description with compare=: the same metrics over the comparison range (compare_range) */
            previous_metrics?: components["schemas"]["ChosenMetrics"] | null;
            /** @description with compare=: each metric's relative change */
            change?: components["schemas"]["MetricChanges"] | null;
            /**
             * Reach Unavailable
             * @description why `metrics.reach` is null (not read from Meta yet, Meta's rate limit, several ad accounts, a filtered selection); null when reach is given
             */
            reach_unavailable?: string | null;
            /**
             * Breakdowns
             * @description null unless `breakdown=` is given; then this row's breakdown rows, biggest spend first
             */
            breakdowns: components["schemas"]["BreakdownRow"][] | null;
            /** @description null: the budgets are on the ad sets */
            budget: components["schemas"]["Budget"] | null;
            /**
             * Bid Strategy
             * @description Meta's bid_strategy, e.g. LOWEST_COST_WITHOUT_CAP
             */
            bid_strategy: string | null;
            /**
             * Bid Amount
             * @description the bid or cost cap, where set
             */
            bid_amount: string | null;
            /**
             * Roas Average Floor
             * @description minimum ROAS (1.5 = 150%), where set
             */
            roas_average_floor: string | null;
            /** Objective */
            objective: string | null;
            /** Spend Cap */
            spend_cap: string | null;
            /**
             * Campaign Id
             * Format: uuid
             */
            campaign_id: string;
            /** Campaign Name */
            campaign_name: string;
        };
        /**
         * AlertEntityLevel
         * @enum {string}
         */
        AlertEntityLevel: "account" | "campaign" | "adset" | "ad";
        /**
         * AlertKind
         * @enum {string}
         */
        AlertKind: "account_needs_reconnect" | "token_expiring" | "account_throttled" | "stats_stale" | "ad_delivery_error" | "adset_limited" | "spend_without_purchase" | "cost_per_purchase_high" | "roas_low" | "spend_spike" | "creative_fatigue";
        /** AlertList */
        AlertList: {
            /** Data */
            data: components["schemas"]["AlertOut"][];
            paging: components["schemas"]["Paging"];
        };
        /** AlertOut */
        AlertOut: {
            /**
             * Id
             * Format: uuid
             */
            id: string;
            kind: components["schemas"]["AlertKind"];
            severity: components["schemas"]["AlertSeverity"];
            status: components["schemas"]["AlertStatus"];
            /**
             * Ad Account Id
             * Format: uuid
             */
            ad_account_id: string;
            entity_level: components["schemas"]["AlertEntityLevel"];
            /**
             * Entity Id
             * Format: uuid
             */
            entity_id: string;
            /** Entity Name */
            entity_name: string;
            /** Message */
            message: string;
            /**
             * Currency
             * @description the ad account's: of the money in `values` and `message`
             */
            currency: string | null;
            values: components["schemas"]["AlertValues"];
            /**
             * Conversions
             * @description thresholds of another currency as they applied
             */
            conversions: components["schemas"]["ThresholdNote"][];
            /** Occurrences */
            occurrences: number;
            /**
             * Opened At
             * Format: date-time
             */
            opened_at: string;
            /**
             * Last Seen At
             * Format: date-time
             */
            last_seen_at: string;
            /** Resolved At */
            resolved_at: string | null;
            /** Acknowledged At */
            acknowledged_at: string | null;
        };
        /**
         * AlertSeverity
         * @enum {string}
         */
        AlertSeverity: "info" | "warning" | "critical";
        /**
         * AlertStatus
         * @enum {string}
         */
        AlertStatus: "open" | "resolved";
        /**
         * AlertThresholds
         * @description A seller's thresholds; the defaults apply to new sellers. Money amounts state their
         *     currency; on an account in another currency they apply converted at the reference rate of
         *     the account's day (`on_account`). The defaults are in USD.
         *
         *     `target_cost_per_purchase` and `roas_floor` are off (null) until the seller sets them.
         */
        AlertThresholds: {
            /**
             * @default {
             *       "amount": "20",
             *       "currency": "USD"
             *     }
             */
            spend_without_purchase: components["schemas"]["MoneyAmount-Input"];
            target_cost_per_purchase?: components["schemas"]["MoneyAmount-Input"] | null;
            /** Roas Floor */
            roas_floor?: number | string | null;
            /**
             * Spend Spike Multiplier
             * @default 2
             */
            spend_spike_multiplier: number | string;
            /**
             * @default {
             *       "amount": "10",
             *       "currency": "USD"
             *     }
             */
            min_spend: components["schemas"]["MoneyAmount-Input"];
            /**
             * Token Expiry Days
             * @default 7
             */
            token_expiry_days: number;
            /**
             * Throttled Minutes
             * @default 60
             */
            throttled_minutes: number;
            /**
             * Stale Sync Minutes
             * @default 60
             */
            stale_sync_minutes: number;
            /**
             * @default {
             *       "ctr_drop_watch": "20",
             *       "ctr_drop_fatigued": "35",
             *       "cpm_rise_watch": "30",
             *       "cpm_rise_fatigued": "60",
             *       "cost_per_result_rise_watch": "30",
             *       "cost_per_result_rise_fatigued": "60",
             *       "frequency_watch": "2.5",
             *       "frequency_fatigued": "3.5",
             *       "min_impressions": 1000
             *     }
             */
            fatigue: components["schemas"]["FatigueThresholds-Input"];
        };
        /** AlertThresholdsOut */
        AlertThresholdsOut: {
            spend_without_purchase: components["schemas"]["MoneyAmount-Output"];
            target_cost_per_purchase: components["schemas"]["MoneyAmount-Output"] | null;
            /** Roas Floor */
            roas_floor: string | null;
            /** Spend Spike Multiplier */
            spend_spike_multiplier: string;
            min_spend: components["schemas"]["MoneyAmount-Output"];
            /** Token Expiry Days */
            token_expiry_days: number;
            /** Throttled Minutes */
            throttled_minutes: number;
            /** Stale Sync Minutes */
            stale_sync_minutes: number;
            fatigue: components["schemas"]["FatigueThresholds-Output"];
        };
        /**
         * AlertValues
         * @description What an alert found: the metrics it read (as in `Metrics`) and its own facts.
         */
        AlertValues: {
            /**
             * Spend
             * @description amount spent
             */
            spend?: string | null;
            /**
             * Impressions
             * @description impressions
             */
            impressions?: number | null;
            /**
             * Clicks
             * @description clicks (all)
             */
            clicks?: number | null;
            /**
             * Link Clicks
             * @description link clicks
             */
            link_clicks?: number | null;
            /**
             * Content Views
             * @description content views
             */
            content_views?: number | null;
            /**
             * Add To Cart
             * @description adds to cart
             */
            add_to_cart?: number | null;
            /**
             * Initiate Checkout
             * @description checkouts initiated
             */
            initiate_checkout?: number | null;
            /**
             * Purchases
             * @description purchases
             */
            purchases?: number | null;
            /**
             * Purchase Value
             * @description purchase conversion value
             */
            purchase_value?: string | null;
            /**
             * Results
             * @description results (the ad sets' optimization events); null when the rows' result types differ (result_type `mixed`)
             */
            results?: number | null;
            /**
             * Landing Page Views
             * @description landing page views
             */
            landing_page_views?: number | null;
            /**
             * Video Views
             * @description 3-second video plays
             */
            video_views?: number | null;
            /**
             * Video Plays
             * @description video plays started
             */
            video_plays?: number | null;
            /**
             * Thruplays
             * @description ThruPlays (played to the end, or 15 seconds or more)
             */
            thruplays?: number | null;
            /**
             * Video P25
             * @description video plays reaching 25%
             */
            video_p25?: number | null;
            /**
             * Video P50
             * @description video plays reaching 50%
             */
            video_p50?: number | null;
            /**
             * Video P75
             * @description video plays reaching 75%
             */
            video_p75?: number | null;
            /**
             * Video P95
             * @description video plays reaching 95%
             */
            video_p95?: number | null;
            /**
             * Video P100
             * @description video plays to the end (100%)
             */
            video_p100?: number | null;
            /**
             * Video 30S Plays
             * @description video plays of 30 seconds or more
             */
            video_30s_plays?: number | null;
            /**
             * Video Watch Time
             * @description seconds of video watched (Meta's average watch time x plays started)
             */
            video_watch_time?: number | null;
            /**
             * Cpm
             * @description cost per 1,000 impressions: spend / impressions x 1000; null when impressions is 0
             */
            cpm?: string | null;
            /**
             * Ctr
             * @description link click-through rate: link_clicks / impressions x 100; null when impressions is 0
             */
            ctr?: number | null;
            /**
             * Ctr All
             * @description click-through rate (all): clicks / impressions x 100; null when impressions is 0
             */
            ctr_all?: number | null;
            /**
             * Cpc
             * @description cost per link click: spend / link_clicks; null when link_clicks is 0
             */
            cpc?: string | null;
            /**
             * Cpv
             * @description cost per content view: spend / content_views; null when content_views is 0
             */
            cpv?: string | null;
            /**
             * Cost Per Add To Cart
             * @description cost per add to cart: spend / add_to_cart; null when add_to_cart is 0
             */
            cost_per_add_to_cart?: string | null;
            /**
             * Cost Per Checkout
             * @description cost per checkout initiated: spend / initiate_checkout; null when initiate_checkout is 0
             */
            cost_per_checkout?: string | null;
            /**
             * Cost Per Purchase
             * @description cost per purchase: spend / purchases; null when purchases is 0
             */
            cost_per_purchase?: string | null;
            /**
             * Cr
             * @description conversion rate: purchases / content_views x 100; null when content_views is 0
             */
            cr?: number | null;
            /**
             * Cr1
             * @description view -> cart: add_to_cart / content_views x 100; null when content_views is 0
             */
            cr1?: number | null;
            /**
             * Cr2
             * @description cart -> checkout: initiate_checkout / add_to_cart x 100; null when add_to_cart is 0
             */
            cr2?: number | null;
            /**
             * Cr3
             * @description checkout -> purchase: purchases / initiate_checkout x 100; null when initiate_checkout is 0
             */
            cr3?: number | null;
            /**
             * Cost Per Result
             * @description cost per result: spend / results; null when results is 0, or the rows' result types differ (result_type `mixed`)
             */
            cost_per_result?: string | null;
            /**
             * Roas
             * @description return on ad spend: purchase_value / spend; null when spend is 0
             */
            roas?: number | null;
            /**
             * Aov
             * @description average order value: purchase_value / purchases; null when purchases is 0
             */
            aov?: string | null;
            /**
             * Cost Per Landing Page View
             * @description cost per landing page view: spend / landing_page_views; null when landing_page_views is 0
             */
            cost_per_landing_page_view?: string | null;
            /**
             * Hook Rate
             * @description 3-second plays per 100 impressions: video_views / impressions x 100; null when impressions is 0
             */
            hook_rate?: number | null;
            /**
             * Hold Rate
             * @description ThruPlays per 100 3-second plays: thruplays / video_views x 100; null when video_views is 0
             */
            hold_rate?: number | null;
            /**
             * Cost Per Thruplay
             * @description cost per ThruPlay: spend / thruplays; null when thruplays is 0
             */
            cost_per_thruplay?: string | null;
            /**
             * Completion Rate
             * @description plays to the end per 100 3-second plays: video_p100 / video_views x 100; null when video_views is 0
             */
            completion_rate?: number | null;
            /**
             * Avg Watch Time
             * @description average seconds watched per play: video_watch_time / video_plays; null when video_plays is 0
             */
            avg_watch_time?: number | null;
            /**
             * Reach
             * @description people reached: Meta's unique count for the row's object and exact range, never a sum over days, ads, ad sets or campaigns. Meta's unique people for exactly this object and range: never summed over days, ads, ad sets, campaigns or accounts. null when Meta's value is not known (`reach_unavailable` says why); 0 without impressions. Meta leaves reach out of queries with breakdowns whose range starts more than 13 months ago.
             */
            reach?: number | null;
            /**
             * Frequency
             * @description impressions per person reached, from the same Meta answer as reach: impressions / reach; null when reach is null or 0
             */
            frequency?: number | null;
            /**
             * Target
             * @description the target cost per purchase, in `currency`
             */
            target?: string | null;
            /**
             * Floor
             * @description the ROAS floor
             */
            floor?: number | null;
            /** Spend Today */
            spend_today?: string | null;
            /** Daily Average 7D */
            daily_average_7d?: string | null;
            /** Effective Status */
            effective_status?: string | null;
            /** Expires At */
            expires_at?: string | null;
            /** Throttled Until */
            throttled_until?: string | null;
            /** Last Success At */
            last_success_at?: string | null;
            /**
             * Fatigue
             * @description the creative's fatigue state (fresh, watch, fatigued), where read
             */
            fatigue?: string | null;
            /**
             * Fatigue Signals
             * @description what made that state, in words
             */
            fatigue_signals?: string[] | null;
        };
        /**
         * AuditAction
         * @enum {string}
         */
        AuditAction: "status_change_requested" | "status_change" | "budget_change_requested" | "budget_change" | "member_invited" | "invitation_cancelled" | "member_joined" | "member_changed" | "member_removed" | "ownership_transferred" | "rule_created" | "rule_changed" | "rule_deleted" | "rule_enabled" | "rule_disabled" | "alert_acknowledged" | "alert_settings_changed" | "webhook_set" | "webhook_deleted" | "sellpage_created" | "sellpage_changed" | "sellpage_deleted" | "campaign_sellpage_set" | "ad_account_connected" | "ad_account_token_replaced" | "ad_account_disconnected" | "reporting_currency_set" | "store_key_created" | "store_key_revoked";
        /**
         * AuditDetail
         * @description What else the entry records: `items` for a request; `meta_id`, `attempts`, `error` for an item.
         */
        AuditDetail: {
            /** Items */
            items: number | null;
            /** Meta Id */
            meta_id: string | null;
            /** Attempts */
            attempts: number | null;
            /** Error */
            error: string | null;
            budget_type: components["schemas"]["BudgetType"] | null;
            budget: components["schemas"]["BudgetRequestOut"] | null;
            /** Ad Account Ids */
            ad_account_ids: string[] | null;
        };
        /** AuditEntryOut */
        AuditEntryOut: {
            /** Id */
            id: number;
            /**
             * At
             * Format: date-time
             */
            at: string;
            /** User Id */
            user_id: string | null;
            /**
             * User Email
             * @description The person who acted (or joined), when one did
             */
            user_email: string | null;
            /**
             * Rule Id
             * @description Set when an automated rule acted
             */
            rule_id: string | null;
            /**
             * Rule Name
             * @description The rule that acted
             */
            rule_name: string | null;
            /**
             * Rule Created By
             * @description Who made the rule that acted
             */
            rule_created_by: string | null;
            /** Rule Created By Email */
            rule_created_by_email: string | null;
            action: components["schemas"]["AuditAction"];
            /**
             * Entity Level
             * @description What the entry is about: an Ads Manager level, or another kind of object
             */
            entity_level: components["schemas"]["EntityLevel"] | ("member" | "rule" | "alert" | "alert_settings" | "webhook" | "sellpage" | "ad_account" | "settings" | "store_key") | null;
            /** Entity Id */
            entity_id: string | null;
            /** Entity Name */
            entity_name: string | null;
            /**
             * From Status
             * @description A status, or a budget as money in the ad account's currency
             */
            from_status: components["schemas"]["CampaignStatus"] | string | null;
            /**
             * To Status
             * @description A status, or a budget as money in the ad account's currency
             */
            to_status: components["schemas"]["CampaignStatus"] | string | null;
            /** Outcome */
            outcome: ("accepted" | "applied" | "failed" | "skipped") | null;
            /** Job Id */
            job_id: string | null;
            detail: components["schemas"]["AuditDetail"] | null;
        };
        /** AuditListOut */
        AuditListOut: {
            /** Data */
            data: components["schemas"]["AuditEntryOut"][];
            paging: components["schemas"]["Paging"];
        };
        /** AuthorizeUrlOut */
        AuthorizeUrlOut: {
            /**
             * Authorize Url
             * @description Open this Meta dialog URL in the browser
             */
            authorize_url: string;
            /**
             * Expires At
             * Format: date-time
             * @description The state in the URL is good until then (10 minutes)
             */
            expires_at: string;
        };
        /** BackfillState */
        BackfillState: {
            /** Since */
            since: string | null;
            /** Chunks Total */
            chunks_total: number;
            /** Chunks Done */
            chunks_done: number;
            /** Complete */
            complete: boolean;
        };
        /**
         * Breakdown
         * @description The breakdowns a list takes (`breakdown=`), as Meta names its dimensions.
         * @enum {string}
         */
        Breakdown: "age" | "gender" | "age,gender" | "country" | "region" | "publisher_platform" | "platform_position" | "device_platform" | "impression_device";
        /** BreakdownInfo */
        BreakdownInfo: {
            breakdown: components["schemas"]["Breakdown"];
            /**
             * Dimensions
             * @description the keys of each breakdown row's `values`
             */
            dimensions: string[];
            /**
             * Not Broken Down
             * @description counters Meta does not report by this breakdown (off-Meta actions by `region`): 0 in the breakdown rows, which then add up to the row only for the others
             */
            not_broken_down: string[];
            /**
             * As Of
             * @description when Meta computed the oldest report read (null: no row)
             */
            as_of: string | null;
        };
        /**
         * BreakdownJob
         * @description One Meta report: an ad account's breakdown over its own date range.
         */
        BreakdownJob: {
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Ad Account Id
             * Format: uuid
             */
            ad_account_id: string;
            breakdown: components["schemas"]["Breakdown"];
            /**
             * Since
             * Format: date
             */
            since: string;
            /**
             * Until
             * Format: date
             */
            until: string;
            /**
             * Status
             * @description `done`: ask for the list again; `failed`: `error` says why (asking again retries)
             * @enum {string}
             */
            status: "queued" | "running" | "done" | "failed";
            /**
             * Percent Complete
             * @description Meta's own estimate while it runs
             */
            percent_complete: number;
            /** Error */
            error: string | null;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Finished At */
            finished_at: string | null;
        };
        /**
         * BreakdownPending
         * @description The list's breakdown is being computed by Meta: poll the jobs, then ask for the list again.
         */
        BreakdownPending: {
            breakdown: components["schemas"]["Breakdown"];
            /**
             * Jobs
             * @description the reports not ready yet, one per ad account
             */
            jobs: components["schemas"]["BreakdownJob"][];
            /**
             * Retry After Seconds
             * @description a sensible wait before polling (also `Retry-After`)
             */
            retry_after_seconds: number;
        };
        /**
         * BreakdownRow
         * @description One bucket of a row's breakdown: Meta's values for it and the row's metrics within it. The
         *     additive metrics of a row's breakdown rows add up to the row's own (an `unknown` bucket
         *     included); Meta's breakdown values are estimates.
         */
        BreakdownRow: {
            /**
             * Values
             * @description the bucket in each dimension, as Meta names it
             * @example {
             *       "age": "25-34",
             *       "gender": "female"
             *     }
             */
            values: {
                [key: string]: string;
            };
            metrics: components["schemas"]["ChosenMetrics"];
        };
        /**
         * Budget
         * @description Where the budget that funds the row lives and how much it is.
         */
        Budget: {
            /**
             * Type
             * @enum {string}
             */
            type: "daily" | "lifetime";
            /**
             * Amount
             * @description money in the row's currency as a decimal string, with the currency's ISO 4217 minor-unit decimals (JPY 0, USD 2, KWD 3)
             * @example 12.35
             */
            amount: string;
            /**
             * Level
             * @description `campaign`: an Advantage campaign budget shared by its ad sets; `adset`: its own
             * @enum {string}
             */
            level: "campaign" | "adset";
            /**
             * Remaining
             * @description what Meta reports as left of it
             */
            remaining: string | null;
        };
        /**
         * BudgetAmountIn
         * @description Money: an amount in a currency's units, with that currency (it must be the ad account's).
         */
        BudgetAmountIn: {
            /**
             * Amount
             * @example 50.00
             */
            amount: number | string;
            /**
             * Currency
             * @example USD
             */
            currency: string;
        };
        /** BudgetChangeIn */
        BudgetChangeIn: {
            /**
             * Level
             * @enum {string}
             */
            level: "campaign" | "adset";
            /** Ids */
            ids: string[];
            budget: components["schemas"]["BudgetIn"];
        };
        /**
         * BudgetIn
         * @description The budget to set: `amount`, or `percent` (a change of the current budget: 10 is +10%).
         */
        BudgetIn: {
            type: components["schemas"]["BudgetType"];
            amount?: components["schemas"]["BudgetAmountIn"] | null;
            /**
             * Percent
             * @example 10
             */
            percent?: number | string | null;
        };
        /**
         * BudgetRequestOut
         * @description What a budget job asked for.
         */
        BudgetRequestOut: {
            type: components["schemas"]["BudgetType"];
            /** Amount */
            amount: string | null;
            /** Currency */
            currency: string | null;
            /**
             * Percent
             * @description a change in percent, e.g. '10' or '-15'
             */
            percent: string | null;
        };
        /**
         * BudgetType
         * @enum {string}
         */
        BudgetType: "daily" | "lifetime";
        /**
         * CallbackIn
         * @description What Meta appended to the redirect URI, posted by the frontend's redirect page.
         */
        CallbackIn: {
            /** State */
            state: string;
            /** Code */
            code?: string | null;
            /** Error */
            error?: string | null;
            /** Error Reason */
            error_reason?: string | null;
            /** Error Description */
            error_description?: string | null;
        };
        /** CampaignList */
        CampaignList: {
            /** Data */
            data: components["schemas"]["CampaignRow"][];
            /**
             * Summary
             * @description every matching row (not only this page), one entry per currency
             */
            summary: components["schemas"]["CurrencySummary"][];
            paging: components["schemas"]["Paging"];
            /** @description a preset resolves per ad account timezone: the envelope (earliest since, latest until) of the accounts' ranges */
            date_range: components["schemas"]["DateRangeOut"];
            /** @description with compare=: the comparison range (for presets, the envelope of the accounts' comparison ranges, each moved from the account's own range) */
            compare_range?: components["schemas"]["DateRangeOut"] | null;
            /** @description null until the seller chooses a reporting currency (PUT /api/reporting-currency) */
            converted_total: components["schemas"]["ConvertedTotal"] | null;
            /** @description null unless `breakdown=` is given */
            breakdown: components["schemas"]["BreakdownInfo"] | null;
        };
        /** CampaignRow */
        CampaignRow: {
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Meta Id */
            meta_id: string;
            /** Name */
            name: string;
            status: components["schemas"]["CampaignStatus"];
            delivery_status: components["schemas"]["DeliveryStatus"];
            /**
             * Effective Status
             * @description Meta's effective_status, as Meta reports it
             */
            effective_status: string;
            /**
             * Ad Account Id
             * Format: uuid
             */
            ad_account_id: string;
            /** Ad Account Name */
            ad_account_name: string;
            /** Sellpage Id */
            sellpage_id: string | null;
            /**
             * Currency
             * @example USD
             */
            currency: string;
            /**
             * Result Type
             * @description null when no ad set's optimization event is known
             */
            result_type: components["schemas"]["ResultType"] | null;
            /**
             * Attribution Setting
             * @description the ad sets' attribution setting in words ('7-day click or 1-day view'), `mixed` when they differ, null when unknown
             * @example 7-day click or 1-day view
             */
            attribution_setting: string | null;
            store: components["schemas"]["StoreNumbers"];
            metrics: components["schemas"]["ChosenMetrics"];
            /** @description with compare=: the same metrics over the comparison range (compare_range) */
            previous_metrics?: components["schemas"]["ChosenMetrics"] | null;
            /** @description with compare=: each metric's relative change */
            change?: components["schemas"]["MetricChanges"] | null;
            /**
             * Reach Unavailable
             * @description why `metrics.reach` is null (not read from Meta yet, Meta's rate limit, several ad accounts, a filtered selection); null when reach is given
             */
            reach_unavailable?: string | null;
            /**
             * Breakdowns
             * @description null unless `breakdown=` is given; then this row's breakdown rows, biggest spend first
             */
            breakdowns: components["schemas"]["BreakdownRow"][] | null;
            /** @description null: the budgets are on the ad sets */
            budget: components["schemas"]["Budget"] | null;
            /**
             * Bid Strategy
             * @description Meta's bid_strategy, e.g. LOWEST_COST_WITHOUT_CAP
             */
            bid_strategy: string | null;
            /**
             * Bid Amount
             * @description the bid or cost cap, where set
             */
            bid_amount: string | null;
            /**
             * Roas Average Floor
             * @description minimum ROAS (1.5 = 150%), where set
             */
            roas_average_floor: string | null;
            /** Objective */
            objective: string | null;
            /** Spend Cap */
            spend_cap: string | null;
        };
        /** CampaignSellpageOut */
        CampaignSellpageOut: {
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Sellpage Id */
            sellpage_id: string | null;
            /**
             * Sellpage Set Manually
             * @description false: the sellpage follows automatic matching
             */
            sellpage_set_manually: boolean;
        };
        /**
         * CampaignStatus
         * @description User-controlled status (Meta's `status` / `configured_status`).
         * @enum {string}
         */
        CampaignStatus: "ACTIVE" | "PAUSED" | "ARCHIVED" | "DELETED";
        /**
         * CampaignUpdate
         * @description `sellpage_id`: a sellpage of yours sets it by hand; null returns it to automatic matching.
         */
        CampaignUpdate: {
            /** Sellpage Id */
            sellpage_id: string | null;
        };
        /**
         * ChosenMetrics
         * @description The metrics of a list row or summary entry: every metric of `Metrics`, or those `columns=` chose, in that order. See `Metrics` for each one.
         */
        ChosenMetrics: {
            /**
             * Spend
             * @description amount spent
             * @example 12.35
             */
            spend?: string;
            /**
             * Impressions
             * @description impressions
             */
            impressions?: number;
            /**
             * Clicks
             * @description clicks (all)
             */
            clicks?: number;
            /**
             * Link Clicks
             * @description link clicks
             */
            link_clicks?: number;
            /**
             * Content Views
             * @description content views
             */
            content_views?: number;
            /**
             * Add To Cart
             * @description adds to cart
             */
            add_to_cart?: number;
            /**
             * Initiate Checkout
             * @description checkouts initiated
             */
            initiate_checkout?: number;
            /**
             * Purchases
             * @description purchases
             */
            purchases?: number;
            /**
             * Purchase Value
             * @description purchase conversion value
             * @example 12.35
             */
            purchase_value?: string;
            /**
             * Results
             * @description results (the ad sets' optimization events); null when the rows' result types differ (result_type `mixed`)
             */
            results?: number | null;
            /**
             * Landing Page Views
             * @description landing page views
             */
            landing_page_views?: number;
            /**
             * Video Views
             * @description 3-second video plays
             */
            video_views?: number;
            /**
             * Video Plays
             * @description video plays started
             */
            video_plays?: number;
            /**
             * Thruplays
             * @description ThruPlays (played to the end, or 15 seconds or more)
             */
            thruplays?: number;
            /**
             * Video P25
             * @description video plays reaching 25%
             */
            video_p25?: number;
            /**
             * Video P50
             * @description video plays reaching 50%
             */
            video_p50?: number;
            /**
             * Video P75
             * @description video plays reaching 75%
             */
            video_p75?: number;
            /**
             * Video P95
             * @description video plays reaching 95%
             */
            video_p95?: number;
            /**
             * Video P100
             * @description video plays to the end (100%)
             */
            video_p100?: number;
            /**
             * Video 30S Plays
             * @description video plays of 30 seconds or more
             */
            video_30s_plays?: number;
            /**
             * Video Watch Time
             * @description seconds of video watched (Meta's average watch time x plays started)
             */
            video_watch_time?: number;
            /**
             * Cpm
             * @description cost per 1,000 impressions: spend / impressions x 1000; null when impressions is 0
             */
            cpm?: string | null;
            /**
             * Ctr
             * @description link click-through rate: link_clicks / impressions x 100; null when impressions is 0
             */
            ctr?: number | null;
            /**
             * Ctr All
             * @description click-through rate (all): clicks / impressions x 100; null when impressions is 0
             */
            ctr_all?: number | null;
            /**
             * Cpc
             * @description cost per link click: spend / link_clicks; null when link_clicks is 0
             */
            cpc?: string | null;
            /**
             * Cpv
             * @description cost per content view: spend / content_views; null when content_views is 0
             */
            cpv?: string | null;
            /**
             * Cost Per Add To Cart
             * @description cost per add to cart: spend / add_to_cart; null when add_to_cart is 0
             */
            cost_per_add_to_cart?: string | null;
            /**
             * Cost Per Checkout
             * @description cost per checkout initiated: spend / initiate_checkout; null when initiate_checkout is 0
             */
            cost_per_checkout?: string | null;
            /**
             * Cost Per Purchase
             * @description cost per purchase: spend / purchases; null when purchases is 0
             */
            cost_per_purchase?: string | null;
            /**
             * Cr
             * @description conversion rate: purchases / content_views x 100; null when content_views is 0
             */
            cr?: number | null;
            /**
             * Cr1
             * @description view -> cart: add_to_cart / content_views x 100; null when content_views is 0
             */
            cr1?: number | null;
            /**
             * Cr2
             * @description cart -> checkout: initiate_checkout / add_to_cart x 100; null when add_to_cart is 0
             */
            cr2?: number | null;
            /**
             * Cr3
             * @description checkout -> purchase: purchases / initiate_checkout x 100; null when initiate_checkout is 0
             */
            cr3?: number | null;
            /**
             * Cost Per Result
             * @description cost per result: spend / results; null when results is 0, or the rows' result types differ (result_type `mixed`)
             */
            cost_per_result?: string | null;
            /**
             * Roas
             * @description return on ad spend: purchase_value / spend; null when spend is 0
             */
            roas?: number | null;
            /**
             * Aov
             * @description average order value: purchase_value / purchases; null when purchases is 0
             */
            aov?: string | null;
            /**
             * Cost Per Landing Page View
             * @description cost per landing page view: spend / landing_page_views; null when landing_page_views is 0
             */
            cost_per_landing_page_view?: string | null;
            /**
             * Hook Rate
             * @description 3-second plays per 100 impressions: video_views / impressions x 100; null when impressions is 0
             */
            hook_rate?: number | null;
            /**
             * Hold Rate
             * @description ThruPlays per 100 3-second plays: thruplays / video_views x 100; null when video_views is 0
             */
            hold_rate?: number | null;
            /**
             * Cost Per Thruplay
             * @description cost per ThruPlay: spend / thruplays; null when thruplays is 0
             */
            cost_per_thruplay?: string | null;
            /**
             * Completion Rate
             * @description plays to the end per 100 3-second plays: video_p100 / video_views x 100; null when video_views is 0
             */
            completion_rate?: number | null;
            /**
             * Avg Watch Time
             * @description average seconds watched per play: video_watch_time / video_plays; null when video_plays is 0
             */
            avg_watch_time?: number | null;
            /**
             * Reach
             * @description people reached: Meta's unique count for the row's object and exact range, never a sum over days, ads, ad sets or campaigns. Meta's unique people for exactly this object and range: never summed over days, ads, ad sets, campaigns or accounts. null when Meta's value is not known (`reach_unavailable` says why); 0 without impressions. Meta leaves reach out of queries with breakdowns whose range starts more than 13 months ago.
             */
            reach?: number | null;
            /**
             * Frequency
             * @description impressions per person reached, from the same Meta answer as reach: impressions / reach; null when reach is null or 0
             */
            frequency?: number | null;
        };
        /** ColumnPresetList */
        ColumnPresetList: {
            /** Data */
            data: components["schemas"]["ColumnPresetOut"][];
            /**
             * Default
             * @description The preset a user who never chose sees
             */
            default: string;
        };
        /** ColumnPresetOut */
        ColumnPresetOut: {
            /** Id */
            id: string;
            /** Label */
            label: string;
            /** Description */
            description: string;
            /**
             * Columns
             * @description Metric names (fields of Metrics), in order
             */
            columns: string[];
        };
        /**
         * Condition
         * @description `metric op value`, a metric of the Ads Manager (domain.metrics), values as it shows them:
         *     money as an amount with its currency (`{"amount": "1.50", "currency": "USD"}`), percentages
         *     x 100, ROAS as a ratio, counts as numbers.
         */
        "Condition-Input": {
            /** Metric */
            metric: string;
            op: components["schemas"]["ConditionOp"];
            /** Value */
            value: components["schemas"]["MoneyAmount-Input"] | number | string;
        };
        /**
         * Condition
         * @description `metric op value`, a metric of the Ads Manager (domain.metrics), values as it shows them:
         *     money as an amount with its currency (`{"amount": "1.50", "currency": "USD"}`), percentages
         *     x 100, ROAS as a ratio, counts as numbers.
         */
        "Condition-Output": {
            /** Metric */
            metric: string;
            op: components["schemas"]["ConditionOp"];
            /** Value */
            value: components["schemas"]["MoneyAmount-Output"] | string;
        };
        /**
         * ConditionOp
         * @enum {string}
         */
        ConditionOp: "gt" | "gte" | "lt" | "lte" | "eq";
        /** ConnectAccountsIn */
        ConnectAccountsIn: {
            /** Ad Account Ids */
            ad_account_ids: string[];
            /**
             * Backfill Days
             * @default 90
             */
            backfill_days: number;
        };
        /** ConnectAccountsOut */
        ConnectAccountsOut: {
            /** Connected */
            connected: components["schemas"]["ConnectedAccountOut"][];
            /** Refused */
            refused: components["schemas"]["RefusedAccountOut"][];
        };
        /** ConnectRequest */
        ConnectRequest: {
            /**
             * Meta Account Id
             * @example act_1234567890
             */
            meta_account_id: string;
            /**
             * Access Token
             * Format: password
             */
            access_token: string;
            /**
             * Backfill Days
             * @description days of history to load (default 90, up to 37 months)
             * @default 90
             */
            backfill_days: number;
        };
        /** ConnectableAccountOut */
        ConnectableAccountOut: {
            /** Meta Account Id */
            meta_account_id: string;
            /** Name */
            name: string;
            /** Currency */
            currency: string | null;
            /** Timezone Name */
            timezone_name: string | null;
            /** Account Status */
            account_status: number | null;
            /** Tasks */
            tasks: string[];
            /**
             * Can Manage
             * @description ads_management and a MANAGE/ADVERTISE task: status changes work
             */
            can_manage: boolean;
            /** Connectable */
            connectable: boolean;
            /**
             * Reason
             * @description why not: permission_declined, account_not_granted, account_not_active, missing_tasks, already_connected, connected_by_another_seller
             */
            reason: string | null;
            /**
             * Connected
             * @description this_seller, another_seller (never says which) or null
             */
            connected: string | null;
            /** Account Id */
            account_id: string | null;
        };
        /** ConnectedAccountOut */
        ConnectedAccountOut: {
            /**
             * Account Id
             * Format: uuid
             */
            account_id: string;
            /** Meta Account Id */
            meta_account_id: string;
            /** Name */
            name: string;
        };
        /** ConnectionOut */
        ConnectionOut: {
            /**
             * Connection Id
             * Format: uuid
             */
            connection_id: string;
            /** Token Type */
            token_type: string;
            /** Scopes */
            scopes: string[];
            /**
             * Declined Scopes
             * @description declined permissions: connect again to re-request them
             */
            declined_scopes: string[];
            /** Expires At */
            expires_at: string | null;
            /** Data Access Expires At */
            data_access_expires_at: string | null;
            /** Ad Accounts */
            ad_accounts: components["schemas"]["ConnectableAccountOut"][];
        };
        /**
         * ConnectionStatus
         * @enum {string}
         */
        ConnectionStatus: "ACTIVE" | "NEEDS_REAUTH" | "DISABLED";
        /** ConversionOut */
        ConversionOut: {
            /** Source */
            source: string;
            /** Rate Dates */
            rate_dates: string[];
        };
        /**
         * ConvertedTotal
         * @description Every matching row's money converted into the seller's reporting currency: each day's
         *     amounts at that day's reference rate, then summed. Not Meta's numbers: a conversion.
         */
        ConvertedTotal: {
            /**
             * Label
             * @description always `converted`
             * @example converted
             */
            label: string;
            /**
             * Currency
             * @description the seller's reporting currency
             * @example USD
             */
            currency: string;
            /**
             * Spend
             * @description money in the row's currency as a decimal string, with the currency's ISO 4217 minor-unit decimals (JPY 0, USD 2, KWD 3)
             * @example 12.35
             */
            spend: string;
            /**
             * Purchase Value
             * @description money in the row's currency as a decimal string, with the currency's ISO 4217 minor-unit decimals (JPY 0, USD 2, KWD 3)
             * @example 12.35
             */
            purchase_value: string;
            /**
             * Roas
             * @description converted purchase_value / converted spend
             */
            roas: number | null;
            /**
             * Rates
             * @description the rates each other currency was converted with
             */
            rates: components["schemas"]["RatesUsed"][];
            /**
             * Left Out
             * @description currencies without a rate: not in this total
             */
            left_out: components["schemas"]["LeftOut"][];
        };
        /**
         * CreativeAsset
         * @description One asset of a flexible creative, or one card of a carousel.
         */
        CreativeAsset: {
            /**
             * Type
             * @enum {string}
             */
            type: "video" | "image" | "body" | "title" | "description" | "link" | "card";
            /** Video Id */
            video_id: string | null;
            /**
             * Hash
             * @description an image's hash
             */
            hash: string | null;
            /** Text */
            text: string | null;
            /** Website Url */
            website_url: string | null;
            /**
             * Link
             * @description a card's link
             */
            link: string | null;
            /**
             * Name
             * @description a card's headline
             */
            name: string | null;
        };
        /** CreativeDailyPoint */
        CreativeDailyPoint: {
            /**
             * Date
             * Format: date
             */
            date: string;
            metrics: components["schemas"]["ChosenMetrics"];
        };
        /** CreativeDailySeries */
        CreativeDailySeries: {
            /** Key */
            key: string;
            /**
             * Group By
             * @enum {string}
             */
            group_by: "media" | "ad_text" | "thumbnail" | "post";
            /**
             * Currency
             * @example USD
             */
            currency: string;
            /** Ads */
            ads: number;
            /**
             * Result Type
             * @description null when no ad set's optimization event is known
             */
            result_type: components["schemas"]["ResultType"] | null;
            date_range: components["schemas"]["DateRangeOut"];
            /** Data */
            data: components["schemas"]["CreativeDailyPoint"][];
        };
        /**
         * CreativeFace
         * @description The creative that spent most in the group: what the group looks like.
         */
        CreativeFace: {
            /**
             * Format
             * @enum {string}
             */
            format: "image" | "video" | "carousel" | "flexible" | "other";
            /**
             * Thumbnail Url
             * @description Meta's signed thumbnail URL as last synced; null once it has expired (the next delivery sync, every few minutes, stores a fresh one)
             */
            thumbnail_url: string | null;
            /** Title */
            title: string | null;
            /**
             * Body
             * @description the ad text
             */
            body: string | null;
            /** Video Id */
            video_id: string | null;
            /** Image Hash */
            image_hash: string | null;
            /**
             * Post Id
             * @description effective_object_story_id: the post the ads run as
             */
            post_id: string | null;
            /** Call To Action */
            call_to_action: string | null;
            /**
             * Creative Id
             * Format: uuid
             */
            creative_id: string;
            /** Creative Meta Id */
            creative_meta_id: string;
        };
        /** CreativeGroupList */
        CreativeGroupList: {
            /** Data */
            data: components["schemas"]["CreativeGroupRow"][];
            /**
             * Summary
             * @description every matching ad with such a creative, per currency: the same on every page
             */
            summary: components["schemas"]["CurrencySummary"][];
            paging: components["schemas"]["Paging"];
            date_range: components["schemas"]["DateRangeOut"];
        };
        /** CreativeGroupRow */
        CreativeGroupRow: {
            /**
             * Key
             * @description the version key: filter the ads list with `{group_by}_version=<key>` to see its ads
             */
            key: string;
            /**
             * Group By
             * @enum {string}
             */
            group_by: "media" | "ad_text" | "thumbnail" | "post";
            /**
             * Currency
             * @example USD
             */
            currency: string;
            /**
             * Ads
             * @description ads using it (that the filters match)
             */
            ads: number;
            /**
             * Adsets
             * @description ad sets those ads are in
             */
            adsets: number;
            /**
             * Result Type
             * @description null when no ad set's optimization event is known
             */
            result_type: components["schemas"]["ResultType"] | null;
            creative: components["schemas"]["CreativeFace"];
            fatigue: components["schemas"]["FatigueOut"];
            /** @description every summed metric over the group's ads; no reach or frequency (people reached by several ads cannot be added up) */
            metrics: components["schemas"]["ChosenMetrics"];
        };
        /** CreativeVersions */
        CreativeVersions: {
            /** Media */
            media: string | null;
            /** Ad Text */
            ad_text: string | null;
            /** Thumbnail */
            thumbnail: string | null;
            /** Post */
            post: string | null;
        };
        /**
         * CurrencySummary
         * @description The metrics over every matching row in one currency (never a sum across currencies).
         */
        CurrencySummary: {
            /**
             * Currency
             * @example USD
             */
            currency: string;
            /**
             * Result Type
             * @description null when no ad set's optimization event is known
             */
            result_type: components["schemas"]["ResultType"] | null;
            /** @description over the rows of this currency that have store numbers, with their spend and purchase value only; null on the creative level (the store attributes orders to ads, campaigns and ad sets, not to creatives) */
            store: components["schemas"]["StoreNumbers"] | null;
            metrics: components["schemas"]["ChosenMetrics"];
            /** @description with compare=: the same metrics over the comparison range (compare_range) */
            previous_metrics?: components["schemas"]["ChosenMetrics"] | null;
            /** @description with compare=: each metric's relative change */
            change?: components["schemas"]["MetricChanges"] | null;
            /**
             * Reach Unavailable
             * @description why `metrics.reach` is null (not read from Meta yet, Meta's rate limit, several ad accounts, a filtered selection); null when reach is given
             */
            reach_unavailable?: string | null;
        };
        /** DailyPoint */
        DailyPoint: {
            /**
             * Date
             * Format: date
             */
            date: string;
            /** @description the day's totals; reach is Meta's reach of that one day */
            metrics: components["schemas"]["Metrics"];
            /**
             * Reach Unavailable
             * @description why `metrics.reach` is null (not read from Meta yet, Meta's rate limit, several ad accounts, a filtered selection); null when reach is given
             */
            reach_unavailable?: string | null;
            /**
             * Previous Date
             * @description with compare=: the day this one is compared with (the same place in the comparison range; previous_year: the same date a year earlier); null past its end
             */
            previous_date?: string | null;
            /** @description with compare=: the same metrics over the comparison range (compare_range) */
            previous_metrics?: components["schemas"]["ChosenMetrics"] | null;
            /** @description with compare=: each metric's relative change */
            change?: components["schemas"]["MetricChanges"] | null;
        };
        /** DailySeries */
        DailySeries: {
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Currency
             * @example USD
             */
            currency: string;
            /**
             * Result Type
             * @description null when no ad set's optimization event is known
             */
            result_type: components["schemas"]["ResultType"] | null;
            /**
             * Attribution Setting
             * @description the ad sets' attribution setting in words ('7-day click or 1-day view'), `mixed` when they differ, null when unknown
             * @example 7-day click or 1-day view
             */
            attribution_setting: string | null;
            date_range: components["schemas"]["DateRangeOut"];
            /**
             * Data
             * @description one point per day of the range, oldest first
             */
            data: components["schemas"]["DailyPoint"][];
            /** @description with compare=: the comparison range */
            compare_range?: components["schemas"]["DateRangeOut"] | null;
        };
        /**
         * DatePreset
         * @description The presets the Ads Manager offers (a subset of Meta's `date_preset`).
         * @enum {string}
         */
        DatePreset: "today" | "yesterday" | "last_7d" | "last_14d" | "last_30d" | "this_month" | "last_month";
        /** DateRangeOut */
        DateRangeOut: {
            /**
             * Since
             * Format: date
             */
            since: string;
            /**
             * Until
             * Format: date
             */
            until: string;
        };
        /** DeauthorizeAnswer */
        DeauthorizeAnswer: {
            /** Ok */
            ok: boolean;
        };
        /**
         * DeletionAnswer
         * @description What Meta's data-deletion callback expects.
         */
        DeletionAnswer: {
            /** Url */
            url: string;
            /** Confirmation Code */
            confirmation_code: string;
        };
        /** DeletionStatusOut */
        DeletionStatusOut: {
            /** Confirmation Code */
            confirmation_code: string;
            /** Kind */
            kind: string;
            /** Status */
            status: string;
            /** Accounts Affected */
            accounts_affected: number;
            /** Detail */
            detail: string | null;
            /**
             * Received At
             * Format: date-time
             */
            received_at: string;
            /** Completed At */
            completed_at: string | null;
        };
        /**
         * DeliveryStatus
         * @description Meta-controlled delivery, mapped from `effective_status` and the learning stage.
         * @enum {string}
         */
        DeliveryStatus: "ACTIVE" | "INACTIVE" | "LEARNING" | "ERROR" | "LIMITED" | "NOT_DELIVERING";
        /** DifferenceOut */
        DifferenceOut: {
            /**
             * Date
             * Format: date
             */
            date: string;
            /**
             * Metric
             * @enum {string}
             */
            metric: "spend" | "impressions" | "link_clicks" | "purchases" | "purchase_value";
            /**
             * Meta
             * @description Meta's account total for the day
             */
            meta: string;
            /**
             * Ours
             * @description the sum of our ad rows for the day
             */
            ours: string;
            /**
             * Difference
             * @description meta - ours
             */
            difference: string;
        };
        /**
         * EntityLevel
         * @enum {string}
         */
        EntityLevel: "campaign" | "adset" | "ad";
        /**
         * ErrorCode
         * @description Every `error.code` of the API. Clients switch on these; the message is for humans.
         * @enum {string}
         */
        ErrorCode: "bad_request" | "malformed_json" | "meta_rejected" | "state_invalid" | "state_used" | "state_expired" | "code_missing" | "code_invalid" | "code_used" | "code_expired" | "redirect_uri_mismatch" | "token_invalid" | "login_denied" | "invalid_signed_request" | "unauthorized" | "invalid_token" | "invalid_credentials" | "invalid_refresh_token" | "invalid_api_key" | "api_key_revoked" | "forbidden" | "csrf_rejected" | "invitation_required" | "invitation_invalid" | "invitation_used" | "invitation_expired" | "api_key_scope" | "not_found" | "method_not_allowed" | "conflict" | "email_taken" | "already_connected" | "connected_by_another_seller" | "last_owner" | "already_member" | "duplicate_sellpage" | "account_needs_reauth" | "needs_reauth" | "account_disabled" | "throttled" | "version_conflict" | "payload_too_large" | "invalid_input" | "idempotency_key_reused" | "unknown_sellpage" | "unknown_currency" | "too_many_requests" | "too_many_attempts" | "http_error" | "internal_error" | "unavailable" | "login_not_configured" | "meta_unavailable" | "queue_unavailable" | "busy";
        /** ErrorDetail */
        ErrorDetail: {
            code: components["schemas"]["ErrorCode"];
            /** Message */
            message: string;
            /**
             * Field
             * @description the input at fault, when one is
             * @default null
             */
            field: string | null;
            /**
             * Details
             * @description 422: every invalid field
             * @default null
             */
            details: components["schemas"]["FieldError"][] | null;
        };
        /**
         * ErrorResponse
         * @description `{"error": {"code": "...", "message": "..."}}` (see pixecom.api.errors).
         */
        ErrorResponse: {
            error: components["schemas"]["ErrorDetail"];
        };
        /**
         * FatigueOut
         * @description Last 3 days of delivery against the first 3 (docs/metrics.md, "Fatigue").
         */
        FatigueOut: {
            /**
             * State
             * @enum {string}
             */
            state: "fresh" | "watch" | "fatigued";
            /**
             * Signals
             * @description in words, what made the state (or why it cannot be judged)
             */
            signals: string[];
            /** Delivery Days */
            delivery_days: number;
            /**
             * Ctr Change Pct
             * @description percent change of CTR; negative: down
             */
            ctr_change_pct: string | null;
            /** Cpm Change Pct */
            cpm_change_pct: string | null;
            /**
             * Cost Per Result Change Pct
             * @description null where the results of the two windows are of different types
             */
            cost_per_result_change_pct: string | null;
            /**
             * Frequency
             * @description impressions per person, where reach is known
             */
            frequency: string | null;
        };
        /**
         * FatigueThresholds
         * @description A seller's fatigue thresholds (percent changes from the first 3 days; frequency as a
         *     number of impressions per person).
         */
        "FatigueThresholds-Input": {
            /**
             * Ctr Drop Watch
             * @default 20
             */
            ctr_drop_watch: number | string;
            /**
             * Ctr Drop Fatigued
             * @default 35
             */
            ctr_drop_fatigued: number | string;
            /**
             * Cpm Rise Watch
             * @default 30
             */
            cpm_rise_watch: number | string;
            /**
             * Cpm Rise Fatigued
             * @default 60
             */
            cpm_rise_fatigued: number | string;
            /**
             * Cost Per Result Rise Watch
             * @default 30
             */
            cost_per_result_rise_watch: number | string;
            /**
             * Cost Per Result Rise Fatigued
             * @default 60
             */
            cost_per_result_rise_fatigued: number | string;
            /**
             * Frequency Watch
             * @default 2.5
             */
            frequency_watch: number | string;
            /**
             * Frequency Fatigued
             * @default 3.5
             */
            frequency_fatigued: number | string;
            /**
             * Min Impressions
             * @default 1000
             */
            min_impressions: number;
        };
        /**
         * FatigueThresholds
         * @description A seller's fatigue thresholds (percent changes from the first 3 days; frequency as a
         *     number of impressions per person).
         */
        "FatigueThresholds-Output": {
            /**
             * Ctr Drop Watch
             * @default 20
             */
            ctr_drop_watch: string;
            /**
             * Ctr Drop Fatigued
             * @default 35
             */
            ctr_drop_fatigued: string;
            /**
             * Cpm Rise Watch
             * @default 30
             */
            cpm_rise_watch: string;
            /**
             * Cpm Rise Fatigued
             * @default 60
             */
            cpm_rise_fatigued: string;
            /**
             * Cost Per Result Rise Watch
             * @default 30
             */
            cost_per_result_rise_watch: string;
            /**
             * Cost Per Result Rise Fatigued
             * @default 60
             */
            cost_per_result_rise_fatigued: string;
            /**
             * Frequency Watch
             * @default 2.5
             */
            frequency_watch: string;
            /**
             * Frequency Fatigued
             * @default 3.5
             */
            frequency_fatigued: string;
            /**
             * Min Impressions
             * @default 1000
             */
            min_impressions: number;
        };
        /** FieldError */
        FieldError: {
            /** Field */
            field: string;
            /** Message */
            message: string;
        };
        /** Health */
        Health: {
            /**
             * Status
             * @enum {string}
             */
            status: "ok" | "degraded";
            /**
             * Database
             * @enum {string}
             */
            database: "ok" | "unavailable";
        };
        /**
         * HealthState
         * @enum {string}
         */
        HealthState: "ok" | "expiring_soon" | "needs_reconnect";
        /** InvitationIn */
        InvitationIn: {
            /** Email */
            email: string;
            role: components["schemas"]["UserRole"];
            /**
             * Ad Account Ids
             * @description Limit the member to these ad accounts (media_buyer and analyst only); null = all
             */
            ad_account_ids?: string[] | null;
        };
        /** InvitationList */
        InvitationList: {
            /** Data */
            data: components["schemas"]["InvitationOut"][];
        };
        /** InvitationOut */
        InvitationOut: {
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Email */
            email: string | null;
            role: components["schemas"]["UserRole"];
            /** Ad Account Ids */
            ad_account_ids: string[] | null;
            /** Invited By */
            invited_by: string | null;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /**
             * Expires At
             * Format: date-time
             */
            expires_at: string;
        };
        /** ItemErrorOut */
        ItemErrorOut: {
            code: components["schemas"]["ErrorCode"];
            /** Message */
            message: string;
            /** Field */
            field: string | null;
        };
        /** JobAccepted */
        JobAccepted: {
            /**
             * Job Id
             * Format: uuid
             */
            job_id: string;
        };
        /**
         * JobCounts
         * @description Items per outcome.
         */
        JobCounts: {
            /**
             * Pending
             * @default 0
             */
            pending: number;
            /**
             * Applied
             * @default 0
             */
            applied: number;
            /**
             * Failed
             * @default 0
             */
            failed: number;
            /**
             * Skipped
             * @default 0
             */
            skipped: number;
        };
        /** JobItemOut */
        JobItemOut: {
            /**
             * Id
             * Format: uuid
             * @description the campaign, ad set or ad
             */
            id: string;
            /** Name */
            name: string;
            from_status: components["schemas"]["CampaignStatus"];
            to_status: components["schemas"]["CampaignStatus"];
            outcome: components["schemas"]["JobItemOutcome"];
            /** Error */
            error: string | null;
            /**
             * From Budget
             * @description a budget job's: the budget before, in the ad account's currency
             */
            from_budget: string | null;
            /**
             * To Budget
             * @description a budget job's: the budget asked for
             */
            to_budget: string | null;
        };
        /**
         * JobItemOutcome
         * @enum {string}
         */
        JobItemOutcome: "pending" | "applied" | "failed" | "skipped";
        /** JobListOut */
        JobListOut: {
            /** Data */
            data: components["schemas"]["JobSummaryOut"][];
            paging: components["schemas"]["Paging"];
        };
        /** JobOut */
        JobOut: {
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Kind
             * @enum {string}
             */
            kind: "status_change" | "budget_change";
            status: components["schemas"]["JobStatus"];
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Finished At */
            finished_at: string | null;
            budget: components["schemas"]["BudgetRequestOut"] | null;
            /** Items */
            items: components["schemas"]["JobItemOut"][];
        };
        /**
         * JobStatus
         * @enum {string}
         */
        JobStatus: "queued" | "running" | "succeeded" | "partially_failed" | "failed";
        /** JobSummaryOut */
        JobSummaryOut: {
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Kind
             * @enum {string}
             */
            kind: "status_change" | "budget_change";
            level: components["schemas"]["EntityLevel"];
            /** @description a status job's target; null for a budget job */
            target_status: components["schemas"]["CampaignStatus"] | null;
            budget: components["schemas"]["BudgetRequestOut"] | null;
            status: components["schemas"]["JobStatus"];
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Finished At */
            finished_at: string | null;
            counts: components["schemas"]["JobCounts"];
        };
        /**
         * KeyScope
         * @enum {string}
         */
        KeyScope: "orders:write";
        /** LeftOut */
        LeftOut: {
            /**
             * Currency
             * @example USD
             */
            currency: string;
            /** Reason */
            reason: string;
        };
        /** LoginRequest */
        LoginRequest: {
            /** Email */
            email: string;
            /** Password */
            password: string;
        };
        /** LogoutRequest */
        LogoutRequest: {
            /** Refresh Token */
            refresh_token: string;
        };
        /** MeResponse */
        MeResponse: {
            user: components["schemas"]["UserOut"];
            seller: components["schemas"]["SellerOut"];
            /**
             * Permissions
             * @description What the caller's role may do (GET /api/team/roles)
             */
            permissions: components["schemas"]["Permission"][];
            /**
             * Ad Account Ids
             * @description null: every ad account of the seller; else the only ones the caller sees
             */
            ad_account_ids: string[] | null;
        };
        /** MemberList */
        MemberList: {
            /** Data */
            data: components["schemas"]["MemberOut"][];
        };
        /** MemberOut */
        MemberOut: {
            /**
             * User Id
             * Format: uuid
             */
            user_id: string;
            /** Email */
            email: string;
            role: components["schemas"]["UserRole"];
            /**
             * Ad Account Ids
             * @description null: every ad account of the seller
             */
            ad_account_ids: string[] | null;
            /**
             * Joined At
             * Format: date-time
             */
            joined_at: string;
            /** Last Login At */
            last_login_at: string | null;
        };
        /** MemberPatch */
        MemberPatch: {
            role?: components["schemas"]["UserRole"] | null;
            /**
             * Ad Account Ids
             * @description Present: the member's ad accounts from now on (null = all); absent: unchanged
             */
            ad_account_ids?: string[] | null;
        };
        /**
         * MetricChanges
         * @description Each metric's relative change from the previous period: (value - previous) / previous, rounded half-up to 4 decimals (0.25 = 25% more); null where either is null or the previous value is 0. The same metrics as `metrics`.
         */
        MetricChanges: {
            /**
             * Spend
             * @description relative change of spend
             */
            spend?: number | null;
            /**
             * Impressions
             * @description relative change of impressions
             */
            impressions?: number | null;
            /**
             * Clicks
             * @description relative change of clicks
             */
            clicks?: number | null;
            /**
             * Link Clicks
             * @description relative change of link_clicks
             */
            link_clicks?: number | null;
            /**
             * Content Views
             * @description relative change of content_views
             */
            content_views?: number | null;
            /**
             * Add To Cart
             * @description relative change of add_to_cart
             */
            add_to_cart?: number | null;
            /**
             * Initiate Checkout
             * @description relative change of initiate_checkout
             */
            initiate_checkout?: number | null;
            /**
             * Purchases
             * @description relative change of purchases
             */
            purchases?: number | null;
            /**
             * Purchase Value
             * @description relative change of purchase_value
             */
            purchase_value?: number | null;
            /**
             * Results
             * @description relative change of results
             */
            results?: number | null;
            /**
             * Landing Page Views
             * @description relative change of landing_page_views
             */
            landing_page_views?: number | null;
            /**
             * Video Views
             * @description relative change of video_views
             */
            video_views?: number | null;
            /**
             * Video Plays
             * @description relative change of video_plays
             */
            video_plays?: number | null;
            /**
             * Thruplays
             * @description relative change of thruplays
             */
            thruplays?: number | null;
            /**
             * Video P25
             * @description relative change of video_p25
             */
            video_p25?: number | null;
            /**
             * Video P50
             * @description relative change of video_p50
             */
            video_p50?: number | null;
            /**
             * Video P75
             * @description relative change of video_p75
             */
            video_p75?: number | null;
            /**
             * Video P95
             * @description relative change of video_p95
             */
            video_p95?: number | null;
            /**
             * Video P100
             * @description relative change of video_p100
             */
            video_p100?: number | null;
            /**
             * Video 30S Plays
             * @description relative change of video_30s_plays
             */
            video_30s_plays?: number | null;
            /**
             * Video Watch Time
             * @description relative change of video_watch_time
             */
            video_watch_time?: number | null;
            /**
             * Cpm
             * @description relative change of cpm
             */
            cpm?: number | null;
            /**
             * Ctr
             * @description relative change of ctr
             */
            ctr?: number | null;
            /**
             * Ctr All
             * @description relative change of ctr_all
             */
            ctr_all?: number | null;
            /**
             * Cpc
             * @description relative change of cpc
             */
            cpc?: number | null;
            /**
             * Cpv
             * @description relative change of cpv
             */
            cpv?: number | null;
            /**
             * Cost Per Add To Cart
             * @description relative change of cost_per_add_to_cart
             */
            cost_per_add_to_cart?: number | null;
            /**
             * Cost Per Checkout
             * @description relative change of cost_per_checkout
             */
            cost_per_checkout?: number | null;
            /**
             * Cost Per Purchase
             * @description relative change of cost_per_purchase
             */
            cost_per_purchase?: number | null;
            /**
             * Cr
             * @description relative change of cr
             */
            cr?: number | null;
            /**
             * Cr1
             * @description relative change of cr1
             */
            cr1?: number | null;
            /**
             * Cr2
             * @description relative change of cr2
             */
            cr2?: number | null;
            /**
             * Cr3
             * @description relative change of cr3
             */
            cr3?: number | null;
            /**
             * Cost Per Result
             * @description relative change of cost_per_result
             */
            cost_per_result?: number | null;
            /**
             * Roas
             * @description relative change of roas
             */
            roas?: number | null;
            /**
             * Aov
             * @description relative change of aov
             */
            aov?: number | null;
            /**
             * Cost Per Landing Page View
             * @description relative change of cost_per_landing_page_view
             */
            cost_per_landing_page_view?: number | null;
            /**
             * Hook Rate
             * @description relative change of hook_rate
             */
            hook_rate?: number | null;
            /**
             * Hold Rate
             * @description relative change of hold_rate
             */
            hold_rate?: number | null;
            /**
             * Cost Per Thruplay
             * @description relative change of cost_per_thruplay
             */
            cost_per_thruplay?: number | null;
            /**
             * Completion Rate
             * @description relative change of completion_rate
             */
            completion_rate?: number | null;
            /**
             * Avg Watch Time
             * @description relative change of avg_watch_time
             */
            avg_watch_time?: number | null;
            /**
             * Reach
             * @description relative change of reach
             */
            reach?: number | null;
            /**
             * Frequency
             * @description relative change of frequency
             */
            frequency?: number | null;
        };
        /**
         * MetricValues
         * @description The metrics a rule or alert read, as the Ads Manager shows them (same names and types as `Metrics`); a metric it did not read is absent, an undefined one null.
         */
        MetricValues: {
            /**
             * Spend
             * @description amount spent
             */
            spend?: string | null;
            /**
             * Impressions
             * @description impressions
             */
            impressions?: number | null;
            /**
             * Clicks
             * @description clicks (all)
             */
            clicks?: number | null;
            /**
             * Link Clicks
             * @description link clicks
             */
            link_clicks?: number | null;
            /**
             * Content Views
             * @description content views
             */
            content_views?: number | null;
            /**
             * Add To Cart
             * @description adds to cart
             */
            add_to_cart?: number | null;
            /**
             * Initiate Checkout
             * @description checkouts initiated
             */
            initiate_checkout?: number | null;
            /**
             * Purchases
             * @description purchases
             */
            purchases?: number | null;
            /**
             * Purchase Value
             * @description purchase conversion value
             */
            purchase_value?: string | null;
            /**
             * Results
             * @description results (the ad sets' optimization events); null when the rows' result types differ (result_type `mixed`)
             */
            results?: number | null;
            /**
             * Landing Page Views
             * @description landing page views
             */
            landing_page_views?: number | null;
            /**
             * Video Views
             * @description 3-second video plays
             */
            video_views?: number | null;
            /**
             * Video Plays
             * @description video plays started
             */
            video_plays?: number | null;
            /**
             * Thruplays
             * @description ThruPlays (played to the end, or 15 seconds or more)
             */
            thruplays?: number | null;
            /**
             * Video P25
             * @description video plays reaching 25%
             */
            video_p25?: number | null;
            /**
             * Video P50
             * @description video plays reaching 50%
             */
            video_p50?: number | null;
            /**
             * Video P75
             * @description video plays reaching 75%
             */
            video_p75?: number | null;
            /**
             * Video P95
             * @description video plays reaching 95%
             */
            video_p95?: number | null;
            /**
             * Video P100
             * @description video plays to the end (100%)
             */
            video_p100?: number | null;
            /**
             * Video 30S Plays
             * @description video plays of 30 seconds or more
             */
            video_30s_plays?: number | null;
            /**
             * Video Watch Time
             * @description seconds of video watched (Meta's average watch time x plays started)
             */
            video_watch_time?: number | null;
            /**
             * Cpm
             * @description cost per 1,000 impressions: spend / impressions x 1000; null when impressions is 0
             */
            cpm?: string | null;
            /**
             * Ctr
             * @description link click-through rate: link_clicks / impressions x 100; null when impressions is 0
             */
            ctr?: number | null;
            /**
             * Ctr All
             * @description click-through rate (all): clicks / impressions x 100; null when impressions is 0
             */
            ctr_all?: number | null;
            /**
             * Cpc
             * @description cost per link click: spend / link_clicks; null when link_clicks is 0
             */
            cpc?: string | null;
            /**
             * Cpv
             * @description cost per content view: spend / content_views; null when content_views is 0
             */
            cpv?: string | null;
            /**
             * Cost Per Add To Cart
             * @description cost per add to cart: spend / add_to_cart; null when add_to_cart is 0
             */
            cost_per_add_to_cart?: string | null;
            /**
             * Cost Per Checkout
             * @description cost per checkout initiated: spend / initiate_checkout; null when initiate_checkout is 0
             */
            cost_per_checkout?: string | null;
            /**
             * Cost Per Purchase
             * @description cost per purchase: spend / purchases; null when purchases is 0
             */
            cost_per_purchase?: string | null;
            /**
             * Cr
             * @description conversion rate: purchases / content_views x 100; null when content_views is 0
             */
            cr?: number | null;
            /**
             * Cr1
             * @description view -> cart: add_to_cart / content_views x 100; null when content_views is 0
             */
            cr1?: number | null;
            /**
             * Cr2
             * @description cart -> checkout: initiate_checkout / add_to_cart x 100; null when add_to_cart is 0
             */
            cr2?: number | null;
            /**
             * Cr3
             * @description checkout -> purchase: purchases / initiate_checkout x 100; null when initiate_checkout is 0
             */
            cr3?: number | null;
            /**
             * Cost Per Result
             * @description cost per result: spend / results; null when results is 0, or the rows' result types differ (result_type `mixed`)
             */
            cost_per_result?: string | null;
            /**
             * Roas
             * @description return on ad spend: purchase_value / spend; null when spend is 0
             */
            roas?: number | null;
            /**
             * Aov
             * @description average order value: purchase_value / purchases; null when purchases is 0
             */
            aov?: string | null;
            /**
             * Cost Per Landing Page View
             * @description cost per landing page view: spend / landing_page_views; null when landing_page_views is 0
             */
            cost_per_landing_page_view?: string | null;
            /**
             * Hook Rate
             * @description 3-second plays per 100 impressions: video_views / impressions x 100; null when impressions is 0
             */
            hook_rate?: number | null;
            /**
             * Hold Rate
             * @description ThruPlays per 100 3-second plays: thruplays / video_views x 100; null when video_views is 0
             */
            hold_rate?: number | null;
            /**
             * Cost Per Thruplay
             * @description cost per ThruPlay: spend / thruplays; null when thruplays is 0
             */
            cost_per_thruplay?: string | null;
            /**
             * Completion Rate
             * @description plays to the end per 100 3-second plays: video_p100 / video_views x 100; null when video_views is 0
             */
            completion_rate?: number | null;
            /**
             * Avg Watch Time
             * @description average seconds watched per play: video_watch_time / video_plays; null when video_plays is 0
             */
            avg_watch_time?: number | null;
            /**
             * Reach
             * @description people reached: Meta's unique count for the row's object and exact range, never a sum over days, ads, ad sets or campaigns. Meta's unique people for exactly this object and range: never summed over days, ads, ad sets, campaigns or accounts. null when Meta's value is not known (`reach_unavailable` says why); 0 without impressions. Meta leaves reach out of queries with breakdowns whose range starts more than 13 months ago.
             */
            reach?: number | null;
            /**
             * Frequency
             * @description impressions per person reached, from the same Meta answer as reach: impressions / reach; null when reach is null or 0
             */
            frequency?: number | null;
            /**
             * Fatigue
             * @description the creative's fatigue state (fresh, watch, fatigued), where read
             */
            fatigue?: string | null;
            /**
             * Fatigue Signals
             * @description what made that state, in words
             */
            fatigue_signals?: string[] | null;
        };
        /**
         * Metrics
         * @description Every metric of the Ads Manager; the same object in rows, summary entries and daily points. What each field means (formula, unit: money, count, ratio or percent, rounding, when it is null, what `results` counts) is documented in the repository's docs/metrics.md.
         */
        Metrics: {
            /**
             * Spend
             * @description amount spent
             * @example 12.35
             */
            spend: string;
            /**
             * Impressions
             * @description impressions
             */
            impressions: number;
            /**
             * Clicks
             * @description clicks (all)
             */
            clicks: number;
            /**
             * Link Clicks
             * @description link clicks
             */
            link_clicks: number;
            /**
             * Content Views
             * @description content views
             */
            content_views: number;
            /**
             * Add To Cart
             * @description adds to cart
             */
            add_to_cart: number;
            /**
             * Initiate Checkout
             * @description checkouts initiated
             */
            initiate_checkout: number;
            /**
             * Purchases
             * @description purchases
             */
            purchases: number;
            /**
             * Purchase Value
             * @description purchase conversion value
             * @example 12.35
             */
            purchase_value: string;
            /**
             * Results
             * @description results (the ad sets' optimization events); null when the rows' result types differ (result_type `mixed`)
             */
            results: number | null;
            /**
             * Landing Page Views
             * @description landing page views
             */
            landing_page_views: number;
            /**
             * Video Views
             * @description 3-second video plays
             */
            video_views: number;
            /**
             * Video Plays
             * @description video plays started
             */
            video_plays: number;
            /**
             * Thruplays
             * @description ThruPlays (played to the end, or 15 seconds or more)
             */
            thruplays: number;
            /**
             * Video P25
             * @description video plays reaching 25%
             */
            video_p25: number;
            /**
             * Video P50
             * @description video plays reaching 50%
             */
            video_p50: number;
            /**
             * Video P75
             * @description video plays reaching 75%
             */
            video_p75: number;
            /**
             * Video P95
             * @description video plays reaching 95%
             */
            video_p95: number;
            /**
             * Video P100
             * @description video plays to the end (100%)
             */
            video_p100: number;
            /**
             * Video 30S Plays
             * @description video plays of 30 seconds or more
             */
            video_30s_plays: number;
            /**
             * Video Watch Time
             * @description seconds of video watched (Meta's average watch time x plays started)
             */
            video_watch_time: number;
            /**
             * Cpm
             * @description cost per 1,000 impressions: spend / impressions x 1000; null when impressions is 0
             */
            cpm: string | null;
            /**
             * Ctr
             * @description link click-through rate: link_clicks / impressions x 100; null when impressions is 0
             */
            ctr: number | null;
            /**
             * Ctr All
             * @description click-through rate (all): clicks / impressions x 100; null when impressions is 0
             */
            ctr_all: number | null;
            /**
             * Cpc
             * @description cost per link click: spend / link_clicks; null when link_clicks is 0
             */
            cpc: string | null;
            /**
             * Cpv
             * @description cost per content view: spend / content_views; null when content_views is 0
             */
            cpv: string | null;
            /**
             * Cost Per Add To Cart
             * @description cost per add to cart: spend / add_to_cart; null when add_to_cart is 0
             */
            cost_per_add_to_cart: string | null;
            /**
             * Cost Per Checkout
             * @description cost per checkout initiated: spend / initiate_checkout; null when initiate_checkout is 0
             */
            cost_per_checkout: string | null;
            /**
             * Cost Per Purchase
             * @description cost per purchase: spend / purchases; null when purchases is 0
             */
            cost_per_purchase: string | null;
            /**
             * Cr
             * @description conversion rate: purchases / content_views x 100; null when content_views is 0
             */
            cr: number | null;
            /**
             * Cr1
             * @description view -> cart: add_to_cart / content_views x 100; null when content_views is 0
             */
            cr1: number | null;
            /**
             * Cr2
             * @description cart -> checkout: initiate_checkout / add_to_cart x 100; null when add_to_cart is 0
             */
            cr2: number | null;
            /**
             * Cr3
             * @description checkout -> purchase: purchases / initiate_checkout x 100; null when initiate_checkout is 0
             */
            cr3: number | null;
            /**
             * Cost Per Result
             * @description cost per result: spend / results; null when results is 0, or the rows' result types differ (result_type `mixed`)
             */
            cost_per_result: string | null;
            /**
             * Roas
             * @description return on ad spend: purchase_value / spend; null when spend is 0
             */
            roas: number | null;
            /**
             * Aov
             * @description average order value: purchase_value / purchases; null when purchases is 0
             */
            aov: string | null;
            /**
             * Cost Per Landing Page View
             * @description cost per landing page view: spend / landing_page_views; null when landing_page_views is 0
             */
            cost_per_landing_page_view: string | null;
            /**
             * Hook Rate
             * @description 3-second plays per 100 impressions: video_views / impressions x 100; null when impressions is 0
             */
            hook_rate: number | null;
            /**
             * Hold Rate
             * @description ThruPlays per 100 3-second plays: thruplays / video_views x 100; null when video_views is 0
             */
            hold_rate: number | null;
            /**
             * Cost Per Thruplay
             * @description cost per ThruPlay: spend / thruplays; null when thruplays is 0
             */
            cost_per_thruplay: string | null;
            /**
             * Completion Rate
             * @description plays to the end per 100 3-second plays: video_p100 / video_views x 100; null when video_views is 0
             */
            completion_rate: number | null;
            /**
             * Avg Watch Time
             * @description average seconds watched per play: video_watch_time / video_plays; null when video_plays is 0
             */
            avg_watch_time: number | null;
            /**
             * Reach
             * @description people reached: Meta's unique count for the row's object and exact range, never a sum over days, ads, ad sets or campaigns. Meta's unique people for exactly this object and range: never summed over days, ads, ad sets, campaigns or accounts. null when Meta's value is not known (`reach_unavailable` says why); 0 without impressions. Meta leaves reach out of queries with breakdowns whose range starts more than 13 months ago.
             */
            reach: number | null;
            /**
             * Frequency
             * @description impressions per person reached, from the same Meta answer as reach: impressions / reach; null when reach is null or 0
             */
            frequency: number | null;
        };
        /**
         * MoneyAmount
         * @description A money amount and its currency: `{"amount": "20.00", "currency": "USD"}`.
         */
        "MoneyAmount-Input": {
            /** Amount */
            amount: number | string;
            /**
             * Currency
             * @example USD
             */
            currency: string;
        };
        /**
         * MoneyAmount
         * @description A money amount and its currency: `{"amount": "20.00", "currency": "USD"}`.
         */
        "MoneyAmount-Output": {
            /** Amount */
            amount: string;
            /**
             * Currency
             * @example USD
             */
            currency: string;
        };
        /** NewInvitationOut */
        NewInvitationOut: {
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Email */
            email: string;
            role: components["schemas"]["UserRole"];
            /**
             * Code
             * @description Single use, shown only now; send it to the invitee
             */
            code: string;
            /**
             * Accept Path
             * @description The console's page that accepts it: /register?invitation=CODE
             */
            accept_path: string;
            /**
             * Expires At
             * Format: date-time
             */
            expires_at: string;
        };
        /**
         * OrderBatch
         * @description Up to 1,000 order events, each answered on its own (see OrderEvent for one event's fields).
         */
        OrderBatch: {
            /**
             * Events
             * @description order events (OrderEvent); a bad one is answered as rejected, the others are written
             */
            events: unknown[];
        };
        /** OrderBatchResult */
        OrderBatchResult: {
            /** Data */
            data: components["schemas"]["OrderResult"][];
            /** Counts */
            counts: {
                [key: string]: number;
            };
        };
        /**
         * OrderEvent
         * @description One event of one order, carrying the whole order as of that event.
         *
         *     `version` orders the events of an order (higher is newer): the store's own counter, e.g. the
         *     order's update sequence. `refunded_amount` is the total refunded so far.
         */
        OrderEvent: {
            /**
             * Order Id
             * @description the store's order id
             */
            order_id: string;
            /**
             * Version
             * @description this event's place among the order's events
             */
            version: number;
            type: components["schemas"]["OrderEventType"];
            /**
             * Sellpage Id
             * @description the sellpage sold on (or sellpage_url)
             */
            sellpage_id?: string | null;
            /**
             * Sellpage Url
             * @description any URL of the sellpage
             */
            sellpage_url?: string | null;
            /**
             * Amount
             * @description order total, in the currency's units
             */
            amount: number | string;
            /**
             * Refunded Amount
             * @description refunded so far
             * @default 0
             */
            refunded_amount: number | string;
            /**
             * Currency
             * @description ISO 4217 code, e.g. USD
             */
            currency: string;
            /**
             * Ordered At
             * Format: date-time
             * @description when the order was placed, with its UTC offset
             */
            ordered_at: string;
            /**
             * Landing Url
             * @description the URL the shopper landed on
             */
            landing_url?: string | null;
            /**
             * Landing Params
             * @description utm_*, fbclid, campaign_id, adset_id, ad_id (instead of or beside landing_url)
             */
            landing_params?: {
                [key: string]: string;
            } | null;
        };
        /**
         * OrderEventType
         * @enum {string}
         */
        OrderEventType: "order.created" | "order.paid" | "order.refunded" | "order.cancelled";
        /** OrderResult */
        OrderResult: {
            /**
             * Index
             * @description the event's position in the request
             */
            index: number;
            /** Order Id */
            order_id: string | null;
            /** Version */
            version: number | null;
            /** @description applied: written; duplicate: this version was already stored; stale: a newer version is stored; rejected: not written, see error */
            outcome: components["schemas"]["Outcome"];
            error: components["schemas"]["ItemErrorOut"] | null;
        };
        /**
         * Outcome
         * @enum {string}
         */
        Outcome: "applied" | "duplicate" | "stale" | "rejected";
        /** Paging */
        Paging: {
            /**
             * Next Cursor
             * @description pass as `cursor` for the next page
             */
            next_cursor: string | null;
        };
        /**
         * Permission
         * @description One thing a member may do. The value is what the API shows.
         * @enum {string}
         */
        Permission: "read" | "ads.write" | "rules.write" | "alerts.write" | "webhooks.manage" | "accounts.manage" | "settings.manage" | "store_keys.manage" | "team.read" | "members.manage" | "ownership";
        /** PreferencesOut */
        PreferencesOut: {
            /**
             * Locale
             * @description The console's language; null: the browser's decides
             */
            locale: ("en" | "vi") | null;
            /**
             * Ads Manager Columns
             * @description Metric names of the Ads Manager's columns, in order; null: the default preset's
             */
            ads_manager_columns: string[] | null;
        };
        /**
         * PreferencesPatch
         * @description Only the fields sent change; null resets one to its default.
         */
        PreferencesPatch: {
            /** Locale */
            locale?: ("en" | "vi") | null;
            /** Ads Manager Columns */
            ads_manager_columns?: string[] | null;
        };
        /** PreviewEntity */
        PreviewEntity: {
            level: components["schemas"]["EntityLevel"];
            /**
             * Entity Id
             * Format: uuid
             */
            entity_id: string;
            /** Name */
            name: string;
            /**
             * Matched Id
             * Format: uuid
             */
            matched_id: string;
            /**
             * Currency
             * @description the ad account's: of the money in `values` and the budgets
             * @example USD
             */
            currency: string;
            values: components["schemas"]["MetricValues"];
            /**
             * Conversions
             * @description the rule's amounts converted into `currency`
             */
            conversions: components["schemas"]["ThresholdNote"][];
            /**
             * Daily Budget From
             * @description budget rules: the daily budget before, in `currency`
             */
            daily_budget_from?: string | null;
            /**
             * Daily Budget To
             * @description budget rules: the daily budget asked for, in `currency`
             */
            daily_budget_to?: string | null;
        };
        /** RateOut */
        RateOut: {
            /**
             * Currency
             * @example USD
             */
            currency: string;
            /**
             * Per Eur
             * @description units of the currency for one euro
             */
            per_eur: string;
            /** Source */
            source: string;
            /**
             * Rate Date
             * Format: date
             * @description the day it was published: the last one on or before the day asked for
             */
            rate_date: string;
        };
        /** RatesOut */
        RatesOut: {
            /**
             * Date
             * Format: date
             */
            date: string;
            /** Rates */
            rates: components["schemas"]["RateOut"][];
        };
        /** RatesUsed */
        RatesUsed: {
            /**
             * Currency
             * @example USD
             */
            currency: string;
            /**
             * Source
             * @description who published the rates: `ecb`, or `operator` (loaded by an operator)
             */
            source: string;
            /**
             * First Rate Date
             * Format: date
             */
            first_rate_date: string;
            /**
             * Last Rate Date
             * Format: date
             */
            last_rate_date: string;
            /**
             * Days Carried Forward
             * @description days of this currency without a rate of their own, converted at the last one published before them
             */
            days_carried_forward: number;
        };
        /**
         * ReconciliationOut
         * @description Meta's own daily account totals against the sum of our ad rows (checked after each stats run).
         */
        ReconciliationOut: {
            /** Days Checked */
            days_checked: number;
            /** Days Differing */
            days_differing: number;
            /** @description the largest relative difference (null when every checked day matches) */
            largest_difference: components["schemas"]["DifferenceOut"] | null;
            /** Last Checked At */
            last_checked_at: string | null;
        };
        /**
         * ReconnectReason
         * @enum {string}
         */
        ReconnectReason: "expired" | "password_changed" | "app_removed" | "checkpoint" | "data_access_expired" | "invalid";
        /** RefreshRequest */
        RefreshRequest: {
            /** Refresh Token */
            refresh_token: string;
        };
        /** RefusedAccountOut */
        RefusedAccountOut: {
            /** Meta Account Id */
            meta_account_id: string;
            /** Reason */
            reason: string;
        };
        /** RegisterRequest */
        RegisterRequest: {
            /** Email */
            email: string;
            /** Password */
            password: string;
            /**
             * Seller Name
             * @description The new seller's name; not needed with a team invitation's code
             */
            seller_name?: string | null;
            /**
             * Invitation Code
             * @description A single-use code: a team invitation's (joins that team with its role) or one from `pixecom invite` (a new seller); required when sign-up is by invitation
             */
            invitation_code?: string | null;
        };
        /** RegisterResponse */
        RegisterResponse: {
            /** Access Token */
            access_token: string;
            /**
             * Refresh Token
             * @description null for browser clients (X-PixEcom-Client: 1): theirs is only in the HttpOnly cookie
             */
            refresh_token: string | null;
            /**
             * Token Type
             * @default bearer
             * @constant
             */
            token_type: "bearer";
            /**
             * Expires In
             * @description Seconds until the access token expires
             */
            expires_in: number;
            user: components["schemas"]["UserOut"];
            seller: components["schemas"]["SellerOut"];
        };
        /** ReportingCurrencyIn */
        ReportingCurrencyIn: {
            /**
             * Currency
             * @example USD
             */
            currency: string;
        };
        /** ReportingCurrencyOut */
        ReportingCurrencyOut: {
            /**
             * Currency
             * @description null until the seller chooses one
             */
            currency: string | null;
        };
        /**
         * ResultType
         * @description what `results` count (the ad sets' optimization event); `mixed` over rows of different types, whose results and cost_per_result are then null
         * @enum {string}
         */
        ResultType: "add_payment_info" | "add_to_cart" | "add_to_wishlist" | "app_install" | "complete_registration" | "content_view" | "impressions" | "initiate_checkout" | "landing_page_view" | "lead" | "link_click" | "messaging_conversation_started" | "mixed" | "page_like" | "post_engagement" | "purchase" | "reach" | "search" | "thruplay";
        /** RolePermissions */
        RolePermissions: {
            role: components["schemas"]["UserRole"];
            /** Permissions */
            permissions: components["schemas"]["Permission"][];
            /** May Be Limited To Ad Accounts */
            may_be_limited_to_ad_accounts: boolean;
        };
        /** RoleTable */
        RoleTable: {
            /** Data */
            data: components["schemas"]["RolePermissions"][];
        };
        /**
         * RuleActionType
         * @enum {string}
         */
        RuleActionType: "pause" | "activate" | "change_budget";
        /** RuleList */
        RuleList: {
            /** Data */
            data: components["schemas"]["RuleOut"][];
        };
        /** RuleOut */
        RuleOut: {
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Name */
            name: string;
            level: components["schemas"]["EntityLevel"];
            scope: components["schemas"]["Scope"];
            window: components["schemas"]["RuleWindow"];
            /** Conditions */
            conditions: components["schemas"]["Condition-Output"][];
            min_spend: components["schemas"]["MoneyAmount-Output"];
            action: components["schemas"]["Action-Output"];
            /** Cooldown Minutes */
            cooldown_minutes: number;
            /** Enabled */
            enabled: boolean;
            /** Last Evaluated At */
            last_evaluated_at: string | null;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
        };
        /**
         * RulePatch
         * @description Any fields of a rule; the rule as a whole is validated again after the change.
         */
        RulePatch: {
            /** Name */
            name?: string | null;
            level?: components["schemas"]["EntityLevel"] | null;
            scope?: components["schemas"]["Scope"] | null;
            window?: components["schemas"]["RuleWindow"] | null;
            /** Conditions */
            conditions?: components["schemas"]["Condition-Input"][] | null;
            min_spend?: components["schemas"]["MoneyAmount-Input"] | null;
            action?: components["schemas"]["Action-Input"] | null;
            /** Cooldown Minutes */
            cooldown_minutes?: number | null;
            /** Enabled */
            enabled?: boolean | null;
        };
        /** RulePreview */
        RulePreview: {
            /**
             * Rule Id
             * Format: uuid
             */
            rule_id: string;
            action: components["schemas"]["RuleActionType"];
            /** Entities */
            entities: components["schemas"]["PreviewEntity"][];
            /**
             * Skipped Accounts
             * @description accounts in the rule's scope its amounts cannot apply to (no exchange rate), and why
             */
            skipped_accounts: components["schemas"]["SkippedAccount"][];
        };
        /** RuleRunList */
        RuleRunList: {
            /** Data */
            data: components["schemas"]["RuleRunOut"][];
        };
        /** RuleRunOut */
        RuleRunOut: {
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Rule Id
             * Format: uuid
             */
            rule_id: string;
            /**
             * Ad Account Id
             * Format: uuid
             */
            ad_account_id: string;
            /** Evaluation Key */
            evaluation_key: string;
            action: components["schemas"]["RuleActionType"];
            /** Entities */
            entities: components["schemas"]["PreviewEntity"][];
            /** Job Id */
            job_id: string | null;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
        };
        /**
         * RuleSpec
         * @description A whole rule as the API takes it.
         */
        RuleSpec: {
            /** Name */
            name: string;
            level: components["schemas"]["EntityLevel"];
            scope?: components["schemas"]["Scope"];
            window: components["schemas"]["RuleWindow"];
            /** Conditions */
            conditions: components["schemas"]["Condition-Input"][];
            min_spend: components["schemas"]["MoneyAmount-Input"];
            action: components["schemas"]["Action-Input"];
            /**
             * Cooldown Minutes
             * @default 1440
             */
            cooldown_minutes: number;
            /**
             * Enabled
             * @default true
             */
            enabled: boolean;
        };
        /**
         * RuleWindow
         * @description Days a rule's condition reads, in the ad account's timezone (last_Nd ends yesterday).
         * @enum {string}
         */
        RuleWindow: "today" | "yesterday" | "last_3d" | "last_7d";
        /**
         * Scope
         * @description The Ads Manager filters a rule applies to; empty = all of the seller's.
         */
        Scope: {
            /**
             * Ad Account Ids
             * @default []
             */
            ad_account_ids: string[];
            /**
             * Sellpage Ids
             * @default []
             */
            sellpage_ids: string[];
            /**
             * Campaign Ids
             * @default []
             */
            campaign_ids: string[];
            /** Name Contains */
            name_contains?: string | null;
            /** Creative Fatigue */
            creative_fatigue?: ("watch" | "fatigued") | null;
        };
        /** SellerOut */
        SellerOut: {
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Name */
            name: string;
        };
        /** SellpageCreate */
        SellpageCreate: {
            /** Name */
            name: string;
            /** Url */
            url: string;
        };
        /** SellpageLevelList */
        SellpageLevelList: {
            date_range: components["schemas"]["DateRangeOut"];
            /**
             * Data
             * @description by name (case-insensitive), then id
             */
            data: components["schemas"]["SellpageLevelRow"][];
            paging: components["schemas"]["Paging"];
        };
        /** SellpageLevelRow */
        SellpageLevelRow: {
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Name */
            name: string;
            /** Url */
            url: string;
            /** Linked Campaigns */
            linked_campaigns: number;
            /**
             * Sums
             * @description one entry per currency, never summed across currencies
             */
            sums: components["schemas"]["SellpageSums"][];
            ratios: components["schemas"]["SellpageRatiosOut"];
        };
        /** SellpageList */
        SellpageList: {
            /** Data */
            data: components["schemas"]["SellpageOut"][];
        };
        /** SellpageOut */
        SellpageOut: {
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Name */
            name: string;
            /** Url */
            url: string;
            /**
             * Url Key
             * @description the normalized host + path campaigns are matched on
             */
            url_key: string;
            /** Created At */
            created_at: string | null;
        };
        /** SellpageRatiosOut */
        SellpageRatiosOut: {
            /**
             * Currency
             * @description the spend's currency, which the ratios are in
             */
            currency: string | null;
            /** Meta Roas */
            meta_roas: number | null;
            /**
             * Store Roas
             * @description store revenue from the linked campaigns' ads / spend
             */
            store_roas: number | null;
            /**
             * Mer
             * @description all store revenue of the sellpage / ad spend
             */
            mer: number | null;
            /**
             * Purchase Value Gap
             * @description Meta's purchase value - store revenue from its ads
             */
            purchase_value_gap: string | null;
            /**
             * Null Reason
             * @description why the ratios are null (mixed currencies, no spend)
             */
            null_reason: string | null;
            /** @description the rates store revenue was converted with */
            conversion: components["schemas"]["ConversionOut"] | null;
        };
        /**
         * SellpageSums
         * @description One currency's sums: Meta's from the linked campaigns' spend in it, the store's from orders in it.
         */
        SellpageSums: {
            /** Currency */
            currency: string;
            /** Spend */
            spend: string;
            /** Meta Purchases */
            meta_purchases: number;
            /** Meta Purchase Value */
            meta_purchase_value: string;
            /**
             * Store Orders
             * @description paid orders, fully refunded and cancelled ones left out
             */
            store_orders: number;
            /** Store Gross Revenue */
            store_gross_revenue: string;
            /** Store Refunds */
            store_refunds: string;
            /**
             * Store Revenue
             * @description gross revenue - refunds
             */
            store_revenue: string;
            /**
             * Store Attributed Orders
             * @description orders whose URL names a campaign linked to this sellpage
             */
            store_attributed_orders: number;
            /** Store Attributed Revenue */
            store_attributed_revenue: string;
        };
        /** SellpageUpdate */
        SellpageUpdate: {
            /** Name */
            name?: string | null;
            /** Url */
            url?: string | null;
        };
        /** SignupRules */
        SignupRules: {
            /**
             * Mode
             * @description invitation: register needs invitation_code
             * @enum {string}
             */
            mode: "open" | "invitation";
            /** Min Password Length */
            min_password_length: number;
            /** Max Password Length */
            max_password_length: number;
        };
        /** SkippedAccount */
        SkippedAccount: {
            /**
             * Ad Account Id
             * Format: uuid
             */
            ad_account_id: string;
            /**
             * Currency
             * @example USD
             */
            currency: string;
            /** Reason */
            reason: string;
        };
        /** StatusChangeIn */
        StatusChangeIn: {
            level: components["schemas"]["EntityLevel"];
            /** Ids */
            ids: string[];
            /**
             * Status
             * @enum {string}
             */
            status: "ACTIVE" | "PAUSED";
        };
        /**
         * StoreConversion
         * @description Which rates converted the store's revenue in other currencies into the row's.
         */
        StoreConversion: {
            /**
             * From
             * @description the orders' currencies that were converted
             */
            from: string[];
            /**
             * Source
             * @description who published the rates: `ecb`, `operator`, a provider; `+` joins two legs
             */
            source: string;
            /**
             * First Rate Date
             * Format: date
             */
            first_rate_date: string;
            /**
             * Last Rate Date
             * Format: date
             */
            last_rate_date: string;
        };
        /** StoreKeyCreate */
        StoreKeyCreate: {
            /**
             * Name
             * @description what the key is for, e.g. 'shop backend'
             */
            name: string;
            /** @default orders:write */
            scope: components["schemas"]["KeyScope"];
        };
        /** StoreKeyCreated */
        StoreKeyCreated: {
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Name */
            name: string;
            scope: components["schemas"]["KeyScope"];
            /**
             * Key Prefix
             * @description the key's first characters, to tell keys apart
             */
            key_prefix: string;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Last Used At */
            last_used_at: string | null;
            /** Revoked At */
            revoked_at: string | null;
            /**
             * Key
             * @description the key itself: shown this once, store it in the store's secrets
             */
            key: string;
        };
        /** StoreKeyList */
        StoreKeyList: {
            /** Data */
            data: components["schemas"]["StoreKeyOut"][];
        };
        /** StoreKeyOut */
        StoreKeyOut: {
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Name */
            name: string;
            scope: components["schemas"]["KeyScope"];
            /**
             * Key Prefix
             * @description the key's first characters, to tell keys apart
             */
            key_prefix: string;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Last Used At */
            last_used_at: string | null;
            /** Revoked At */
            revoked_at: string | null;
        };
        /**
         * StoreNumbers
         * @description What the PixEcom store sold, attributed to the row (docs/store.md: by the ad, ad set or
         *     campaign id in the order's landing URL; for a campaign also by its sellpage when it is the only
         *     campaign linking to it), beside Meta's numbers. Money in the row's currency. All null with
         *     `null_reason` when the row has no store numbers (its campaign links to no sellpage and no
         *     order names it); `store_revenue` and what reads it null when a currency has no rate.
         */
        StoreNumbers: {
            /**
             * Store Orders
             * @description orders attributed to the row (paid, not fully refunded)
             */
            store_orders: number | null;
            /**
             * Store Revenue
             * @description their revenue net of refunds, each day's orders in another currency converted at that day's reference rate
             */
            store_revenue: string | null;
            /**
             * Store Roas
             * @description store_revenue / spend; null when spend is 0
             */
            store_roas: number | null;
            /**
             * Purchase Value Gap
             * @description Meta's purchase_value - store_revenue: what the pixel claims beyond what the store saw
             */
            purchase_value_gap: string | null;
            /**
             * Orders Via Sellpage
             * @description of store_orders, those from Meta without ids, counted by the campaign's sellpage link
             */
            orders_via_sellpage: number | null;
            /** Null Reason */
            null_reason: string | null;
            /** @description null when nothing was converted */
            conversion: components["schemas"]["StoreConversion"] | null;
        };
        /**
         * SyncKind
         * @enum {string}
         */
        SyncKind: "stats" | "delivery";
        /**
         * SyncOutcome
         * @enum {string}
         */
        SyncOutcome: "running" | "succeeded" | "failed" | "throttled" | "needs_reauth";
        /** SyncQueued */
        SyncQueued: {
            /** Run Id */
            run_id: string;
            /** Queued */
            queued: ("delivery" | "stats" | "backfill")[];
        };
        /** SyncState */
        SyncState: {
            /** Last Success At */
            last_success_at: string | null;
            /** Last Attempt At */
            last_attempt_at: string | null;
            /** Last Error */
            last_error: string | null;
        };
        /**
         * ThresholdNote
         * @description A threshold of another currency as it applied to the account: converted at a dated
         *     reference rate (`from`, `to`, `rate`, `source`, `rate_date`), or not at all (`reason`).
         */
        ThresholdNote: {
            /** Threshold */
            threshold: string;
            /**
             * From
             * @example 20.00 USD
             */
            from: string | null;
            /**
             * To
             * @example 3000 JPY
             */
            to: string | null;
            /**
             * Rate
             * @description units of the account's currency per unit of the threshold's
             */
            rate: string | null;
            /**
             * Source
             * @example ecb
             */
            source: string | null;
            /**
             * Rate Date
             * @description the day the rate was published (the last one before the day asked for, when that day had none)
             */
            rate_date: string | null;
            /** Reason */
            reason: string | null;
        };
        /** TokenHealthList */
        TokenHealthList: {
            /** Data */
            data: components["schemas"]["AccountTokenHealthOut"][];
        };
        /** TokenHealthOut */
        TokenHealthOut: {
            source: components["schemas"]["TokenSource"];
            state: components["schemas"]["HealthState"];
            reason: components["schemas"]["ReconnectReason"] | null;
            /** Expires At */
            expires_at: string | null;
            /** Data Access Expires At */
            data_access_expires_at: string | null;
            /** Scopes */
            scopes: string[];
        };
        /** TokenRequest */
        TokenRequest: {
            /**
             * Access Token
             * Format: password
             */
            access_token: string;
        };
        /** TokenResponse */
        TokenResponse: {
            /** Access Token */
            access_token: string;
            /**
             * Refresh Token
             * @description null for browser clients (X-PixEcom-Client: 1): theirs is only in the HttpOnly cookie
             */
            refresh_token: string | null;
            /**
             * Token Type
             * @default bearer
             * @constant
             */
            token_type: "bearer";
            /**
             * Expires In
             * @description Seconds until the access token expires
             */
            expires_in: number;
        };
        /**
         * TokenSource
         * @enum {string}
         */
        TokenSource: "login" | "system_user" | "pasted";
        /** TransferIn */
        TransferIn: {
            /**
             * User Id
             * Format: uuid
             * @description The member who becomes an owner; you become an admin
             */
            user_id: string;
        };
        /** UserOut */
        UserOut: {
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Email */
            email: string;
            role: components["schemas"]["UserRole"];
        };
        /**
         * UserRole
         * @description A member's role in their seller's team (pixecom.domain.permissions: what each may do).
         * @enum {string}
         */
        UserRole: "owner" | "admin" | "media_buyer" | "analyst";
        /**
         * WebhookIn
         * @description `secret` signs every delivery (HMAC-SHA256); required when creating, kept if omitted later.
         */
        WebhookIn: {
            /**
             * Url
             * Format: uri
             */
            url: string;
            /** Secret */
            secret?: string | null;
            /**
             * Enabled
             * @default true
             */
            enabled: boolean;
        };
        /**
         * WebhookOrNone
         * @description The seller's webhook, or null while none is set (a normal state, not a missing resource).
         */
        WebhookOrNone: components["schemas"]["WebhookOut"] | null;
        /** WebhookOut */
        WebhookOut: {
            /** Url */
            url: string;
            /** Enabled */
            enabled: boolean;
            /** Has Secret */
            has_secret: boolean;
            /**
             * Status
             * @description failing while the last attempt failed or a failed delivery waits for its retry (even when a later one succeeded); ok otherwise
             */
            status: string;
            /** Consecutive Failures */
            consecutive_failures: number;
            /** Last Attempt At */
            last_attempt_at: string | null;
            /** Last Success At */
            last_success_at: string | null;
            /** Last Failure At */
            last_failure_at: string | null;
            /**
             * Last Error
             * @description The last failure's reason (kept after a later success)
             */
            last_error: string | null;
            /** Pending Deliveries */
            pending_deliveries: number;
            /**
             * Retrying Deliveries
             * @description Pending deliveries that failed at least once
             */
            retrying_deliveries: number;
        };
        /** WebhookTestOut */
        WebhookTestOut: {
            /**
             * Delivered
             * @description The receiver answered 2xx
             */
            delivered: boolean;
            /**
             * Status Code
             * @description The receiver's HTTP status; null when it could not be reached
             */
            status_code: number | null;
            /** Error */
            error: string | null;
            webhook: components["schemas"]["WebhookOut"];
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    ad_accounts_list_ad_accounts: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdAccountList"];
                };
            };
            /** @description Missing, invalid or expired credentials (code invalid_token: refresh, then retry once) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Forbidden (forbidden: the caller's role lacks this route's permission; csrf_rejected: a cookie request without an allowed Origin and X-PixEcom-Client) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Invalid input (the field is named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    ad_accounts_connect_ad_account: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ConnectRequest"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdAccountOut"];
                };
            };
            /** @description Malformed JSON or a request the upstream refused */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired credentials (code invalid_token: refresh, then retry once) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Forbidden (forbidden: the caller's role lacks this route's permission; csrf_rejected: a cookie request without an allowed Origin and X-PixEcom-Client) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body over 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Invalid input (the field is named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Temporarily unavailable; retry (after Retry-After seconds when given) */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    ad_accounts_get_ad_account: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                account_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdAccountOut"];
                };
            };
            /** @description Missing, invalid or expired credentials (code invalid_token: refresh, then retry once) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Forbidden (forbidden: the caller's role lacks this route's permission; csrf_rejected: a cookie request without an allowed Origin and X-PixEcom-Client) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Invalid input (the field is named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    ad_accounts_disconnect_ad_account: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                account_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, invalid or expired credentials (code invalid_token: refresh, then retry once) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Forbidden (forbidden: the caller's role lacks this route's permission; csrf_rejected: a cookie request without an allowed Origin and X-PixEcom-Client) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Invalid input (the field is named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    ad_accounts_replace_ad_account_token: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                account_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TokenRequest"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdAccountOut"];
                };
            };
            /** @description Malformed JSON or a request the upstream refused */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired credentials (code invalid_token: refresh, then retry once) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Forbidden (forbidden: the caller's role lacks this route's permission; csrf_rejected: a cookie request without an allowed Origin and X-PixEcom-Client) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body over 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Invalid input (the field is named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Temporarily unavailable; retry (after Retry-After seconds when given) */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    ad_accounts_sync_ad_account: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                account_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SyncQueued"];
                };
            };
            /** @description Missing, invalid or expired credentials (code invalid_token: refresh, then retry once) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Forbidden (forbidden: the caller's role lacks this route's permission; csrf_rejected: a cookie request without an allowed Origin and X-PixEcom-Client) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Invalid input (the field is named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Temporarily unavailable; retry (after Retry-After seconds when given) */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    ads_manager_list_campaigns: {
        parameters: {
            query?: {
                /** @description default last_7d; resolved in each ad account's timezone */
                date_preset?: components["schemas"]["DatePreset"];
                /** @description YYYY-MM-DD; give since and until together, instead of date_preset */
                since?: string;
                /** @description YYYY-MM-DD; give since and until together, instead of date_preset */
                until?: string;
                /** @description Repeat the parameter or separate values with commas; several values = any of them */
                sellpage_id?: string[];
                /** @description Repeat the parameter or separate values with commas; several values = any of them */
                status?: components["schemas"]["CampaignStatus"][];
                /** @description Repeat the parameter or separate values with commas; several values = any of them */
                delivery_status?: components["schemas"]["DeliveryStatus"][];
                /** @description Repeat the parameter or separate values with commas; several values = any of them */
                ad_account_id?: string[];
                /** @description Repeat the parameter or separate values with commas; several values = any of them */
                campaign_id?: string[];
                /** @description Repeat the parameter or separate values with commas; several values = any of them */
                adset_id?: string[];
                /** @description ad sets and ads: their campaign's status (a 422 on campaigns). Repeat the parameter or separate values with commas; several values = any of them */
                campaign_status?: components["schemas"]["CampaignStatus"][];
                /** @description ad sets and ads: their campaign's delivery status (a 422 on campaigns). Repeat the parameter or separate values with commas; several values = any of them */
                campaign_delivery?: components["schemas"]["DeliveryStatus"][];
                /** @description ads: their ad set's status (a 422 on campaigns and ad sets). Repeat the parameter or separate values with commas; several values = any of them */
                adset_status?: components["schemas"]["CampaignStatus"][];
                /** @description ads: their ad set's delivery status (a 422 on campaigns and ad sets). Repeat the parameter or separate values with commas; several values = any of them */
                adset_delivery?: components["schemas"]["DeliveryStatus"][];
                /** @description name contains (case-insensitive) */
                q?: string;
                /** @description name or a metric; '-' prefix = descending; default -spend */
                sort?: "name" | "-name" | "spend" | "-spend" | "impressions" | "-impressions" | "clicks" | "-clicks" | "link_clicks" | "-link_clicks" | "content_views" | "-content_views" | "add_to_cart" | "-add_to_cart" | "initiate_checkout" | "-initiate_checkout" | "purchases" | "-purchases" | "purchase_value" | "-purchase_value" | "results" | "-results" | "landing_page_views" | "-landing_page_views" | "video_views" | "-video_views" | "video_plays" | "-video_plays" | "thruplays" | "-thruplays" | "video_p25" | "-video_p25" | "video_p50" | "-video_p50" | "video_p75" | "-video_p75" | "video_p95" | "-video_p95" | "video_p100" | "-video_p100" | "video_30s_plays" | "-video_30s_plays" | "video_watch_time" | "-video_watch_time" | "cpm" | "-cpm" | "ctr" | "-ctr" | "ctr_all" | "-ctr_all" | "cpc" | "-cpc" | "cpv" | "-cpv" | "cost_per_add_to_cart" | "-cost_per_add_to_cart" | "cost_per_checkout" | "-cost_per_checkout" | "cost_per_purchase" | "-cost_per_purchase" | "cr" | "-cr" | "cr1" | "-cr1" | "cr2" | "-cr2" | "cr3" | "-cr3" | "cost_per_result" | "-cost_per_result" | "roas" | "-roas" | "aov" | "-aov" | "cost_per_landing_page_view" | "-cost_per_landing_page_view" | "hook_rate" | "-hook_rate" | "hold_rate" | "-hold_rate" | "cost_per_thruplay" | "-cost_per_thruplay" | "completion_rate" | "-completion_rate" | "avg_watch_time" | "-avg_watch_time" | "store_orders" | "-store_orders" | "store_revenue" | "-store_revenue" | "store_roas" | "-store_roas" | "purchase_value_gap" | "-purchase_value_gap";
                /** @description rows per page, default 50 */
                limit?: number;
                /** @description paging.next_cursor of the previous page */
                cursor?: string | null;
                /** @description add each row's and summary's previous_metrics and change: previous_period (the same number of days just before), previous_year (the same dates a year earlier; Feb 29 -> Feb 28); each account's own range, in its timezone */
                compare?: "previous_period" | "previous_year";
                /** @description YYYY-MM-DD; an explicit comparison range (give both, with since and until, not overlapping them), instead of compare */
                compare_since?: string;
                /** @description YYYY-MM-DD; an explicit comparison range (give both, with since and until, not overlapping them), instead of compare */
                compare_until?: string;
                /** @description the metrics each row, summary and CSV carry, in this order: metric names, or a preset (preset:performance, preset:delivery, preset:engagement, preset:video); default every metric. Repeat the parameter or separate values with commas; several values = any of them */
                columns?: string[];
                /** @description each row also carries its `breakdowns` by these dimensions (Meta's); when Meta still has to compute them the answer is 202 with the reports to poll (docs/breakdowns.md) */
                breakdown?: components["schemas"]["Breakdown"];
                /** @description ads and creatives only: ads whose creative has this version key. Repeat the parameter or separate values with commas; several values = any of them */
                media_version?: string[];
                /** @description ads and creatives only: ads whose creative has this version key. Repeat the parameter or separate values with commas; several values = any of them */
                ad_text_version?: string[];
                /** @description ads and creatives only: ads whose creative has this version key. Repeat the parameter or separate values with commas; several values = any of them */
                thumbnail_version?: string[];
                /** @description ads and creatives only: ads whose creative has this version key. Repeat the parameter or separate values with commas; several values = any of them */
                post_version?: string[];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignList"];
                };
            };
            /** @description With `breakdown=`: Meta is computing it; poll the jobs */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BreakdownPending"];
                };
            };
            /** @description Missing, invalid or expired credentials (code invalid_token: refresh, then retry once) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Forbidden (forbidden: the caller's role lacks this route's permission; csrf_rejected: a cookie request without an allowed Origin and X-PixEcom-Client) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Invalid input (the field is named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    ads_manager_export_campaigns: {
        parameters: {
            query?: {
                /** @description readable (default): Meta-like headers, names instead of our ids; machine: the API's field names and our ids, a form scripts can rely on */
                csv_header?: "readable" | "machine";
                /** @description default last_7d; resolved in each ad account's timezone */
                date_preset?: components["schemas"]["DatePreset"];
                /** @description YYYY-MM-DD; give since and until together, instead of date_preset */
                since?: string;
                /** @description YYYY-MM-DD; give since and until together, instead of date_preset */
                until?: string;
                /** @description Repeat the parameter or separate values with commas; several values = any of them */
                sellpage_id?: string[];
                /** @description Repeat the parameter or separate values with commas; several values = any of them */
                status?: components["schemas"]["CampaignStatus"][];
                /** @description Repeat the parameter or separate values with commas; several values = any of them */
                delivery_status?: components["schemas"]["DeliveryStatus"][];
                /** @description Repeat the parameter or separate values with commas; several values = any of them */
                ad_account_id?: string[];
                /** @description Repeat the parameter or separate values with commas; several values = any of them */
                campaign_id?: string[];
                /** @description Repeat the parameter or separate values with commas; several values = any of them */
                adset_id?: string[];
                /** @description ad sets and ads: their campaign's status (a 422 on campaigns). Repeat the parameter or separate values with commas; several values = any of them */
                campaign_status?: components["schemas"]["CampaignStatus"][];
                /** @description ad sets and ads: their campaign's delivery status (a 422 on campaigns). Repeat the parameter or separate values with commas; several values = any of them */
                campaign_delivery?: components["schemas"]["DeliveryStatus"][];
                /** @description ads: their ad set's status (a 422 on campaigns and ad sets). Repeat the parameter or separate values with commas; several values = any of them */
                adset_status?: components["schemas"]["CampaignStatus"][];
                /** @description ads: their ad set's delivery status (a 422 on campaigns and ad sets). Repeat the parameter or separate values with commas; several values = any of them */
                adset_delivery?: components["schemas"]["DeliveryStatus"][];
                /** @description name contains (case-insensitive) */
                q?: string;
                /** @description name or a metric; '-' prefix = descending; default -spend */
                sort?: "name" | "-name" | "spend" | "-spend" | "impressions" | "-impressions" | "clicks" | "-clicks" | "link_clicks" | "-link_clicks" | "content_views" | "-content_views" | "add_to_cart" | "-add_to_cart" | "initiate_checkout" | "-initiate_checkout" | "purchases" | "-purchases" | "purchase_value" | "-purchase_value" | "results" | "-results" | "landing_page_views" | "-landing_page_views" | "video_views" | "-video_views" | "video_plays" | "-video_plays" | "thruplays" | "-thruplays" | "video_p25" | "-video_p25" | "video_p50" | "-video_p50" | "video_p75" | "-video_p75" | "video_p95" | "-video_p95" | "video_p100" | "-video_p100" | "video_30s_plays" | "-video_30s_plays" | "video_watch_time" | "-video_watch_time" | "cpm" | "-cpm" | "ctr" | "-ctr" | "ctr_all" | "-ctr_all" | "cpc" | "-cpc" | "cpv" | "-cpv" | "cost_per_add_to_cart" | "-cost_per_add_to_cart" | "cost_per_checkout" | "-cost_per_checkout" | "cost_per_purchase" | "-cost_per_purchase" | "cr" | "-cr" | "cr1" | "-cr1" | "cr2" | "-cr2" | "cr3" | "-cr3" | "cost_per_result" | "-cost_per_result" | "roas" | "-roas" | "aov" | "-aov" | "cost_per_landing_page_view" | "-cost_per_landing_page_view" | "hook_rate" | "-hook_rate" | "hold_rate" | "-hold_rate" | "cost_per_thruplay" | "-cost_per_thruplay" | "completion_rate" | "-completion_rate" | "avg_watch_time" | "-avg_watch_time" | "store_orders" | "-store_orders" | "store_revenue" | "-store_revenue" | "store_roas" | "-store_roas" | "purchase_value_gap" | "-purchase_value_gap";
                /** @description rows per page, default 50 */
                limit?: number;
                /** @description paging.next_cursor of the previous page */
                cursor?: string | null;
                /** @description add each row's and summary's previous_metrics and change: previous_period (the same number of days just before), previous_year (the same dates a year earlier; Feb 29 -> Feb 28); each account's own range, in its timezone */
                compare?: "previous_period" | "previous_year";
                /** @description YYYY-MM-DD; an explicit comparison range (give both, with since and until, not overlapping them), instead of compare */
                compare_since?: string;
                /** @description YYYY-MM-DD; an explicit comparison range (give both, with since and until, not overlapping them), instead of compare */
                compare_until?: string;
                /** @description the metrics each row, summary and CSV carry, in this order: metric names, or a preset (preset:performance, preset:delivery, preset:engagement, preset:video); default every metric. Repeat the parameter or separate values with commas; several values = any of them */
                columns?: string[];
                /** @description each row also carries its `breakdowns` by these dimensions (Meta's); when Meta still has to compute them the answer is 202 with the reports to poll (docs/breakdowns.md) */
                breakdown?: components["schemas"]["Breakdown"];
                /** @description ads and creatives only: ads whose creative has this version key. Repeat the parameter or separate values with commas; several values = any of them */
                media_version?: string[];
                /** @description ads and creatives only: ads whose creative has this version key. Repeat the parameter or separate values with commas; several values = any of them */
                ad_text_version?: string[];
                /** @description ads and creatives only: ads whose creative has this version key. Repeat the parameter or separate values with commas; several values = any of them */
                thumbnail_version?: string[];
                /** @description ads and creatives only: ads whose creative has this version key. Repeat the parameter or separate values with commas; several values = any of them */
                post_version?: string[];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description CSV (UTF-8), header row first */
            200: {
                headers: {
                    /** @description attachment; filename="<level>_<since>_<until>.csv" */
                    "Content-Disposition"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            /** @description With `breakdown=`: Meta is computing it; poll the jobs */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": components["schemas"]["BreakdownPending"];
                };
            };
            /** @description Missing, invalid or expired credentials (code invalid_token: refresh, then retry once) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Forbidden (forbidden: the caller's role lacks this route's permission; csrf_rejected: a cookie request without an allowed Origin and X-PixEcom-Client) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Invalid input (the field is named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    ads_manager_daily_campaigns: {
        parameters: {
            query?: {
                /** @description default last_7d; resolved in each ad account's timezone */
                date_preset?: components["schemas"]["DatePreset"];
                /** @description YYYY-MM-DD; give since and until together, instead of date_preset */
                since?: string;
                /** @description YYYY-MM-DD; give since and until together, instead of date_preset */
                until?: string;
                /** @description add each row's and summary's previous_metrics and change: previous_period (the same number of days just before), previous_year (the same dates a year earlier; Feb 29 -> Feb 28); each account's own range, in its timezone */
                compare?: "previous_period" | "previous_year";
                /** @description YYYY-MM-DD; an explicit comparison range (give both, with since and until, not overlapping them), instead of compare */
                compare_since?: string;
                /** @description YYYY-MM-DD; an explicit comparison range (give both, with since and until, not overlapping them), instead of compare */
                compare_until?: string;
            };
            header?: never;
            path: {
                entity_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One point per day */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DailySeries"];
                };
            };
            /** @description Missing, invalid or expired credentials (code invalid_token: refresh, then retry once) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Forbidden (forbidden: the caller's role lacks this route's permission; csrf_rejected: a cookie request without an allowed Origin and X-PixEcom-Client) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Invalid input (the field is named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    ads_manager_list_adsets: {
        parameters: {
            query?: {
                /** @description default last_7d; resolved in each ad account's timezone */
                date_preset?: components["schemas"]["DatePreset"];
                /** @description YYYY-MM-DD; give since and until together, instead of date_preset */
                since?: string;
                /** @description YYYY-MM-DD; give since and until together, instead of date_preset */
                until?: string;
                /** @description Repeat the parameter or separate values with commas; several values = any of them */
                sellpage_id?: string[];
                /** @description Repeat the parameter or separate values with commas; several values = any of them */
                status?: components["schemas"]["CampaignStatus"][];
                /** @description Repeat the parameter or separate values with commas; several values = any of them */
                delivery_status?: components["schemas"]["DeliveryStatus"][];
                /** @description Repeat the parameter or separate values with commas; several values = any of them */
                ad_account_id?: string[];
                /** @description Repeat the parameter or separate values with commas; several values = any of them */
                campaign_id?: string[];
                /** @description Repeat the parameter or separate values with commas; several values = any of them */
                adset_id?: string[];
                /** @description ad sets and ads: their campaign's status (a 422 on campaigns). Repeat the parameter or separate values with commas; several values = any of them */
                campaign_status?: components["schemas"]["CampaignStatus"][];
                /** @description ad sets and ads: their campaign's delivery status (a 422 on campaigns). Repeat the parameter or separate values with commas; several values = any of them */
                campaign_delivery?: components["schemas"]["DeliveryStatus"][];
                /** @description ads: their ad set's status (a 422 on campaigns and ad sets). Repeat the parameter or separate values with commas; several values = any of them */
                adset_status?: components["schemas"]["CampaignStatus"][];
                /** @description ads: their ad set's delivery status (a 422 on campaigns and ad sets). Repeat the parameter or separate values with commas; several values = any of them */
                adset_delivery?: components["schemas"]["DeliveryStatus"][];
                /** @description name contains (case-insensitive) */
                q?: string;
                /** @description name or a metric; '-' prefix = descending; default -spend */
                sort?: "name" | "-name" | "spend" | "-spend" | "impressions" | "-impressions" | "clicks" | "-clicks" | "link_clicks" | "-link_clicks" | "content_views" | "-content_views" | "add_to_cart" | "-add_to_cart" | "initiate_checkout" | "-initiate_checkout" | "purchases" | "-purchases" | "purchase_value" | "-purchase_value" | "results" | "-results" | "landing_page_views" | "-landing_page_views" | "video_views" | "-video_views" | "video_plays" | "-video_plays" | "thruplays" | "-thruplays" | "video_p25" | "-video_p25" | "video_p50" | "-video_p50" | "video_p75" | "-video_p75" | "video_p95" | "-video_p95" | "video_p100" | "-video_p100" | "video_30s_plays" | "-video_30s_plays" | "video_watch_time" | "-video_watch_time" | "cpm" | "-cpm" | "ctr" | "-ctr" | "ctr_all" | "-ctr_all" | "cpc" | "-cpc" | "cpv" | "-cpv" | "cost_per_add_to_cart" | "-cost_per_add_to_cart" | "cost_per_checkout" | "-cost_per_checkout" | "cost_per_purchase" | "-cost_per_purchase" | "cr" | "-cr" | "cr1" | "-cr1" | "cr2" | "-cr2" | "cr3" | "-cr3" | "cost_per_result" | "-cost_per_result" | "roas" | "-roas" | "aov" | "-aov" | "cost_per_landing_page_view" | "-cost_per_landing_page_view" | "hook_rate" | "-hook_rate" | "hold_rate" | "-hold_rate" | "cost_per_thruplay" | "-cost_per_thruplay" | "completion_rate" | "-completion_rate" | "avg_watch_time" | "-avg_watch_time" | "store_orders" | "-store_orders" | "store_revenue" | "-store_revenue" | "store_roas" | "-store_roas" | "purchase_value_gap" | "-purchase_value_gap";
                /** @description rows per page, default 50 */
                limit?: number;
                /** @description paging.next_cursor of the previous page */
                cursor?: string | null;
                /** @description add each row's and summary's previous_metrics and change: previous_period (the same number of days just before), previous_year (the same dates a year earlier; Feb 29 -> Feb 28); each account's own range, in its timezone */
                compare?: "previous_period" | "previous_year";
                /** @description YYYY-MM-DD; an explicit comparison range (give both, with since and until, not overlapping them), instead of compare */
                compare_since?: string;
                /** @description YYYY-MM-DD; an explicit comparison range (give both, with since and until, not overlapping them), instead of compare */
                compare_until?: string;
                /** @description the metrics each row, summary and CSV carry, in this order: metric names, or a preset (preset:performance, preset:delivery, preset:engagement, preset:video); default every metric. Repeat the parameter or separate values with commas; several values = any of them */
                columns?: string[];
                /** @description each row also carries its `breakdowns` by these dimensions (Meta's); when Meta still has to compute them the answer is 202 with the reports to poll (docs/breakdowns.md) */
                breakdown?: components["schemas"]["Breakdown"];
                /** @description ads and creatives only: ads whose creative has this version key. Repeat the parameter or separate values with commas; several values = any of them */
                media_version?: string[];
                /** @description ads and creatives only: ads whose creative has this version key. Repeat the parameter or separate values with commas; several values = any of them */
                ad_text_version?: string[];
                /** @description ads and creatives only: ads whose creative has this version key. Repeat the parameter or separate values with commas; several values = any of them */
                thumbnail_version?: string[];
                /** @description ads and creatives only: ads whose creative has this version key. Repeat the parameter or separate values with commas; several values = any of them */
                post_version?: string[];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdsetList"];
                };
            };
            /** @description With `breakdown=`: Meta is computing it; poll the jobs */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BreakdownPending"];
                };
            };
            /** @description Missing, invalid or expired credentials (code invalid_token: refresh, then retry once) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Forbidden (forbidden: the caller's role lacks this route's permission; csrf_rejected: a cookie request without an allowed Origin and X-PixEcom-Client) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Invalid input (the field is named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    ads_manager_export_adsets: {
        parameters: {
            query?: {
                /** @description readable (default): Meta-like headers, names instead of our ids; machine: the API's field names and our ids, a form scripts can rely on */
                csv_header?: "readable" | "machine";
                /** @description default last_7d; resolved in each ad account's timezone */
                date_preset?: components["schemas"]["DatePreset"];
                /** @description YYYY-MM-DD; give since and until together, instead of date_preset */
                since?: string;
                /** @description YYYY-MM-DD; give since and until together, instead of date_preset */
                until?: string;
                /** @description Repeat the parameter or separate values with commas; several values = any of them */
                sellpage_id?: string[];
                /** @description Repeat the parameter or separate values with commas; several values = any of them */
                status?: components["schemas"]["CampaignStatus"][];
                /** @description Repeat the parameter or separate values with commas; several values = any of them */
                delivery_status?: components["schemas"]["DeliveryStatus"][];
                /** @description Repeat the parameter or separate values with commas; several values = any of them */
                ad_account_id?: string[];
                /** @description Repeat the parameter or separate values with commas; several values = any of them */
                campaign_id?: string[];
                /** @description Repeat the parameter or separate values with commas; several values = any of them */
                adset_id?: string[];
                /** @description ad sets and ads: their campaign's status (a 422 on campaigns). Repeat the parameter or separate values with commas; several values = any of them */
                campaign_status?: components["schemas"]["CampaignStatus"][];
                /** @description ad sets and ads: their campaign's delivery status (a 422 on campaigns). Repeat the parameter or separate values with commas; several values = any of them */
                campaign_delivery?: components["schemas"]["DeliveryStatus"][];
                /** @description ads: their ad set's status (a 422 on campaigns and ad sets). Repeat the parameter or separate values with commas; several values = any of them */
                adset_status?: components["schemas"]["CampaignStatus"][];
                /** @description ads: their ad set's delivery status (a 422 on campaigns and ad sets). Repeat the parameter or separate values with commas; several values = any of them */
                adset_delivery?: components["schemas"]["DeliveryStatus"][];
                /** @description name contains (case-insensitive) */
                q?: string;
                /** @description name or a metric; '-' prefix = descending; default -spend */
                sort?: "name" | "-name" | "spend" | "-spend" | "impressions" | "-impressions" | "clicks" | "-clicks" | "link_clicks" | "-link_clicks" | "content_views" | "-content_views" | "add_to_cart" | "-add_to_cart" | "initiate_checkout" | "-initiate_checkout" | "purchases" | "-purchases" | "purchase_value" | "-purchase_value" | "results" | "-results" | "landing_page_views" | "-landing_page_views" | "video_views" | "-video_views" | "video_plays" | "-video_plays" | "thruplays" | "-thruplays" | "video_p25" | "-video_p25" | "video_p50" | "-video_p50" | "video_p75" | "-video_p75" | "video_p95" | "-video_p95" | "video_p100" | "-video_p100" | "video_30s_plays" | "-video_30s_plays" | "video_watch_time" | "-video_watch_time" | "cpm" | "-cpm" | "ctr" | "-ctr" | "ctr_all" | "-ctr_all" | "cpc" | "-cpc" | "cpv" | "-cpv" | "cost_per_add_to_cart" | "-cost_per_add_to_cart" | "cost_per_checkout" | "-cost_per_checkout" | "cost_per_purchase" | "-cost_per_purchase" | "cr" | "-cr" | "cr1" | "-cr1" | "cr2" | "-cr2" | "cr3" | "-cr3" | "cost_per_result" | "-cost_per_result" | "roas" | "-roas" | "aov" | "-aov" | "cost_per_landing_page_view" | "-cost_per_landing_page_view" | "hook_rate" | "-hook_rate" | "hold_rate" | "-hold_rate" | "cost_per_thruplay" | "-cost_per_thruplay" | "completion_rate" | "-completion_rate" | "avg_watch_time" | "-avg_watch_time" | "store_orders" | "-store_orders" | "store_revenue" | "-store_revenue" | "store_roas" | "-store_roas" | "purchase_value_gap" | "-purchase_value_gap";
                /** @description rows per page, default 50 */
                limit?: number;
                /** @description paging.next_cursor of the previous page */
                cursor?: string | null;
                /** @description add each row's and summary's previous_metrics and change: previous_period (the same number of days just before), previous_year (the same dates a year earlier; Feb 29 -> Feb 28); each account's own range, in its timezone */
                compare?: "previous_period" | "previous_year";
                /** @description YYYY-MM-DD; an explicit comparison range (give both, with since and until, not overlapping them), instead of compare */
                compare_since?: string;
                /** @description YYYY-MM-DD; an explicit comparison range (give both, with since and until, not overlapping them), instead of compare */
                compare_until?: string;
                /** @description the metrics each row, summary and CSV carry, in this order: metric names, or a preset (preset:performance, preset:delivery, preset:engagement, preset:video); default every metric. Repeat the parameter or separate values with commas; several values = any of them */
                columns?: string[];
                /** @description each row also carries its `breakdowns` by these dimensions (Meta's); when Meta still has to compute them the answer is 202 with the reports to poll (docs/breakdowns.md) */
                breakdown?: components["schemas"]["Breakdown"];
                /** @description ads and creatives only: ads whose creative has this version key. Repeat the parameter or separate values with commas; several values = any of them */
                media_version?: string[];
                /** @description ads and creatives only: ads whose creative has this version key. Repeat the parameter or separate values with commas; several values = any of them */
                ad_text_version?: string[];
                /** @description ads and creatives only: ads whose creative has this version key. Repeat the parameter or separate values with commas; several values = any of them */
                thumbnail_version?: string[];
                /** @description ads and creatives only: ads whose creative has this version key. Repeat the parameter or separate values with commas; several values = any of them */
                post_version?: string[];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description CSV (UTF-8), header row first */
            200: {
                headers: {
                    /** @description attachment; filename="<level>_<since>_<until>.csv" */
                    "Content-Disposition"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            /** @description With `breakdown=`: Meta is computing it; poll the jobs */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": components["schemas"]["BreakdownPending"];
                };
            };
            /** @description Missing, invalid or expired credentials (code invalid_token: refresh, then retry once) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Forbidden (forbidden: the caller's role lacks this route's permission; csrf_rejected: a cookie request without an allowed Origin and X-PixEcom-Client) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Invalid input (the field is named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    ads_manager_daily_adsets: {
        parameters: {
            query?: {
                /** @description default last_7d; resolved in each ad account's timezone */
                date_preset?: components["schemas"]["DatePreset"];
                /** @description YYYY-MM-DD; give since and until together, instead of date_preset */
                since?: string;
                /** @description YYYY-MM-DD; give since and until together, instead of date_preset */
                until?: string;
                /** @description add each row's and summary's previous_metrics and change: previous_period (the same number of days just before), previous_year (the same dates a year earlier; Feb 29 -> Feb 28); each account's own range, in its timezone */
                compare?: "previous_period" | "previous_year";
                /** @description YYYY-MM-DD; an explicit comparison range (give both, with since and until, not overlapping them), instead of compare */
                compare_since?: string;
                /** @description YYYY-MM-DD; an explicit comparison range (give both, with since and until, not overlapping them), instead of compare */
                compare_until?: string;
            };
            header?: never;
            path: {
                entity_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One point per day */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DailySeries"];
                };
            };
            /** @description Missing, invalid or expired credentials (code invalid_token: refresh, then retry once) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Forbidden (forbidden: the caller's role lacks this route's permission; csrf_rejected: a cookie request without an allowed Origin and X-PixEcom-Client) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Invalid input (the field is named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    ads_manager_list_ads: {
        parameters: {
            query?: {
                /** @description default last_7d; resolved in each ad account's timezone */
                date_preset?: components["schemas"]["DatePreset"];
                /** @description YYYY-MM-DD; give since and until together, instead of date_preset */
                since?: string;
                /** @description YYYY-MM-DD; give since and until together, instead of date_preset */
                until?: string;
                /** @description Repeat the parameter or separate values with commas; several values = any of them */
                sellpage_id?: string[];
                /** @description Repeat the parameter or separate values with commas; several values = any of them */
                status?: components["schemas"]["CampaignStatus"][];
                /** @description Repeat the parameter or separate values with commas; several values = any of them */
                delivery_status?: components["schemas"]["DeliveryStatus"][];
                /** @description Repeat the parameter or separate values with commas; several values = any of them */
                ad_account_id?: string[];
                /** @description Repeat the parameter or separate values with commas; several values = any of them */
                campaign_id?: string[];
                /** @description Repeat the parameter or separate values with commas; several values = any of them */
                adset_id?: string[];
                /** @description ad sets and ads: their campaign's status (a 422 on campaigns). Repeat the parameter or separate values with commas; several values = any of them */
                campaign_status?: components["schemas"]["CampaignStatus"][];
                /** @description ad sets and ads: their campaign's delivery status (a 422 on campaigns). Repeat the parameter or separate values with commas; several values = any of them */
                campaign_delivery?: components["schemas"]["DeliveryStatus"][];
                /** @description ads: their ad set's status (a 422 on campaigns and ad sets). Repeat the parameter or separate values with commas; several values = any of them */
                adset_status?: components["schemas"]["CampaignStatus"][];
                /** @description ads: their ad set's delivery status (a 422 on campaigns and ad sets). Repeat the parameter or separate values with commas; several values = any of them */
                adset_delivery?: components["schemas"]["DeliveryStatus"][];
                /** @description name contains (case-insensitive) */
                q?: string;
                /** @description name or a metric; '-' prefix = descending; default -spend */
                sort?: "name" | "-name" | "spend" | "-spend" | "impressions" | "-impressions" | "clicks" | "-clicks" | "link_clicks" | "-link_clicks" | "content_views" | "-content_views" | "add_to_cart" | "-add_to_cart" | "initiate_checkout" | "-initiate_checkout" | "purchases" | "-purchases" | "purchase_value" | "-purchase_value" | "results" | "-results" | "landing_page_views" | "-landing_page_views" | "video_views" | "-video_views" | "video_plays" | "-video_plays" | "thruplays" | "-thruplays" | "video_p25" | "-video_p25" | "video_p50" | "-video_p50" | "video_p75" | "-video_p75" | "video_p95" | "-video_p95" | "video_p100" | "-video_p100" | "video_30s_plays" | "-video_30s_plays" | "video_watch_time" | "-video_watch_time" | "cpm" | "-cpm" | "ctr" | "-ctr" | "ctr_all" | "-ctr_all" | "cpc" | "-cpc" | "cpv" | "-cpv" | "cost_per_add_to_cart" | "-cost_per_add_to_cart" | "cost_per_checkout" | "-cost_per_checkout" | "cost_per_purchase" | "-cost_per_purchase" | "cr" | "-cr" | "cr1" | "-cr1" | "cr2" | "-cr2" | "cr3" | "-cr3" | "cost_per_result" | "-cost_per_result" | "roas" | "-roas" | "aov" | "-aov" | "cost_per_landing_page_view" | "-cost_per_landing_page_view" | "hook_rate" | "-hook_rate" | "hold_rate" | "-hold_rate" | "cost_per_thruplay" | "-cost_per_thruplay" | "completion_rate" | "-completion_rate" | "avg_watch_time" | "-avg_watch_time" | "store_orders" | "-store_orders" | "store_revenue" | "-store_revenue" | "store_roas" | "-store_roas" | "purchase_value_gap" | "-purchase_value_gap";
                /** @description rows per page, default 50 */
                limit?: number;
                /** @description paging.next_cursor of the previous page */
                cursor?: string | null;
                /** @description add each row's and summary's previous_metrics and change: previous_period (the same number of days just before), previous_year (the same dates a year earlier; Feb 29 -> Feb 28); each account's own range, in its timezone */
                compare?: "previous_period" | "previous_year";
                /** @description YYYY-MM-DD; an explicit comparison range (give both, with since and until, not overlapping them), instead of compare */
                compare_since?: string;
                /** @description YYYY-MM-DD; an explicit comparison range (give both, with since and until, not overlapping them), instead of compare */
                compare_until?: string;
                /** @description the metrics each row, summary and CSV carry, in this order: metric names, or a preset (preset:performance, preset:delivery, preset:engagement, preset:video); default every metric. Repeat the parameter or separate values with commas; several values = any of them */
                columns?: string[];
                /** @description each row also carries its `breakdowns` by these dimensions (Meta's); when Meta still has to compute them the answer is 202 with the reports to poll (docs/breakdowns.md) */
                breakdown?: components["schemas"]["Breakdown"];
                /** @description ads and creatives only: ads whose creative has this version key. Repeat the parameter or separate values with commas; several values = any of them */
                media_version?: string[];
                /** @description ads and creatives only: ads whose creative has this version key. Repeat the parameter or separate values with commas; several values = any of them */
                ad_text_version?: string[];
                /** @description ads and creatives only: ads whose creative has this version key. Repeat the parameter or separate values with commas; several values = any of them */
                thumbnail_version?: string[];
                /** @description ads and creatives only: ads whose creative has this version key. Repeat the parameter or separate values with commas; several values = any of them */
                post_version?: string[];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdList"];
                };
            };
            /** @description With `breakdown=`: Meta is computing it; poll the jobs */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BreakdownPending"];
                };
            };
            /** @description Missing, invalid or expired credentials (code invalid_token: refresh, then retry once) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Forbidden (forbidden: the caller's role lacks this route's permission; csrf_rejected: a cookie request without an allowed Origin and X-PixEcom-Client) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Invalid input (the field is named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    ads_manager_export_ads: {
        parameters: {
            query?: {
                /** @description readable (default): Meta-like headers, names instead of our ids; machine: the API's field names and our ids, a form scripts can rely on */
                csv_header?: "readable" | "machine";
                /** @description default last_7d; resolved in each ad account's timezone */
                date_preset?: components["schemas"]["DatePreset"];
                /** @description YYYY-MM-DD; give since and until together, instead of date_preset */
                since?: string;
                /** @description YYYY-MM-DD; give since and until together, instead of date_preset */
                until?: string;
                /** @description Repeat the parameter or separate values with commas; several values = any of them */
                sellpage_id?: string[];
                /** @description Repeat the parameter or separate values with commas; several values = any of them */
                status?: components["schemas"]["CampaignStatus"][];
                /** @description Repeat the parameter or separate values with commas; several values = any of them */
                delivery_status?: components["schemas"]["DeliveryStatus"][];
                /** @description Repeat the parameter or separate values with commas; several values = any of them */
                ad_account_id?: string[];
                /** @description Repeat the parameter or separate values with commas; several values = any of them */
                campaign_id?: string[];
                /** @description Repeat the parameter or separate values with commas; several values = any of them */
                adset_id?: string[];
                /** @description ad sets and ads: their campaign's status (a 422 on campaigns). Repeat the parameter or separate values with commas; several values = any of them */
                campaign_status?: components["schemas"]["CampaignStatus"][];
                /** @description ad sets and ads: their campaign's delivery status (a 422 on campaigns). Repeat the parameter or separate values with commas; several values = any of them */
                campaign_delivery?: components["schemas"]["DeliveryStatus"][];
                /** @description ads: their ad set's status (a 422 on campaigns and ad sets). Repeat the parameter or separate values with commas; several values = any of them */
                adset_status?: components["schemas"]["CampaignStatus"][];
                /** @description ads: their ad set's delivery status (a 422 on campaigns and ad sets). Repeat the parameter or separate values with commas; several values = any of them */
                adset_delivery?: components["schemas"]["DeliveryStatus"][];
                /** @description name contains (case-insensitive) */
                q?: string;
                /** @description name or a metric; '-' prefix = descending; default -spend */
                sort?: "name" | "-name" | "spend" | "-spend" | "impressions" | "-impressions" | "clicks" | "-clicks" | "link_clicks" | "-link_clicks" | "content_views" | "-content_views" | "add_to_cart" | "-add_to_cart" | "initiate_checkout" | "-initiate_checkout" | "purchases" | "-purchases" | "purchase_value" | "-purchase_value" | "results" | "-results" | "landing_page_views" | "-landing_page_views" | "video_views" | "-video_views" | "video_plays" | "-video_plays" | "thruplays" | "-thruplays" | "video_p25" | "-video_p25" | "video_p50" | "-video_p50" | "video_p75" | "-video_p75" | "video_p95" | "-video_p95" | "video_p100" | "-video_p100" | "video_30s_plays" | "-video_30s_plays" | "video_watch_time" | "-video_watch_time" | "cpm" | "-cpm" | "ctr" | "-ctr" | "ctr_all" | "-ctr_all" | "cpc" | "-cpc" | "cpv" | "-cpv" | "cost_per_add_to_cart" | "-cost_per_add_to_cart" | "cost_per_checkout" | "-cost_per_checkout" | "cost_per_purchase" | "-cost_per_purchase" | "cr" | "-cr" | "cr1" | "-cr1" | "cr2" | "-cr2" | "cr3" | "-cr3" | "cost_per_result" | "-cost_per_result" | "roas" | "-roas" | "aov" | "-aov" | "cost_per_landing_page_view" | "-cost_per_landing_page_view" | "hook_rate" | "-hook_rate" | "hold_rate" | "-hold_rate" | "cost_per_thruplay" | "-cost_per_thruplay" | "completion_rate" | "-completion_rate" | "avg_watch_time" | "-avg_watch_time" | "store_orders" | "-store_orders" | "store_revenue" | "-store_revenue" | "store_roas" | "-store_roas" | "purchase_value_gap" | "-purchase_value_gap";
                /** @description rows per page, default 50 */
                limit?: number;
                /** @description paging.next_cursor of the previous page */
                cursor?: string | null;
                /** @description add each row's and summary's previous_metrics and change: previous_period (the same number of days just before), previous_year (the same dates a year earlier; Feb 29 -> Feb 28); each account's own range, in its timezone */
                compare?: "previous_period" | "previous_year";
                /** @description YYYY-MM-DD; an explicit comparison range (give both, with since and until, not overlapping them), instead of compare */
                compare_since?: string;
                /** @description YYYY-MM-DD; an explicit comparison range (give both, with since and until, not overlapping them), instead of compare */
                compare_until?: string;
                /** @description the metrics each row, summary and CSV carry, in this order: metric names, or a preset (preset:performance, preset:delivery, preset:engagement, preset:video); default every metric. Repeat the parameter or separate values with commas; several values = any of them */
                columns?: string[];
                /** @description each row also carries its `breakdowns` by these dimensions (Meta's); when Meta still has to compute them the answer is 202 with the reports to poll (docs/breakdowns.md) */
                breakdown?: components["schemas"]["Breakdown"];
                /** @description ads and creatives only: ads whose creative has this version key. Repeat the parameter or separate values with commas; several values = any of them */
                media_version?: string[];
                /** @description ads and creatives only: ads whose creative has this version key. Repeat the parameter or separate values with commas; several values = any of them */
                ad_text_version?: string[];
                /** @description ads and creatives only: ads whose creative has this version key. Repeat the parameter or separate values with commas; several values = any of them */
                thumbnail_version?: string[];
                /** @description ads and creatives only: ads whose creative has this version key. Repeat the parameter or separate values with commas; several values = any of them */
                post_version?: string[];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description CSV (UTF-8), header row first */
            200: {
                headers: {
                    /** @description attachment; filename="<level>_<since>_<until>.csv" */
                    "Content-Disposition"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            /** @description With `breakdown=`: Meta is computing it; poll the jobs */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": components["schemas"]["BreakdownPending"];
                };
            };
            /** @description Missing, invalid or expired credentials (code invalid_token: refresh, then retry once) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Forbidden (forbidden: the caller's role lacks this route's permission; csrf_rejected: a cookie request without an allowed Origin and X-PixEcom-Client) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Invalid input (the field is named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    ads_manager_daily_ads: {
        parameters: {
            query?: {
                /** @description default last_7d; resolved in each ad account's timezone */
                date_preset?: components["schemas"]["DatePreset"];
                /** @description YYYY-MM-DD; give since and until together, instead of date_preset */
                since?: string;
                /** @description YYYY-MM-DD; give since and until together, instead of date_preset */
                until?: string;
                /** @description add each row's and summary's previous_metrics and change: previous_period (the same number of days just before), previous_year (the same dates a year earlier; Feb 29 -> Feb 28); each account's own range, in its timezone */
                compare?: "previous_period" | "previous_year";
                /** @description YYYY-MM-DD; an explicit comparison range (give both, with since and until, not overlapping them), instead of compare */
                compare_since?: string;
                /** @description YYYY-MM-DD; an explicit comparison range (give both, with since and until, not overlapping them), instead of compare */
                compare_until?: string;
            };
            header?: never;
            path: {
                entity_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One point per day */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DailySeries"];
                };
            };
            /** @description Missing, invalid or expired credentials (code invalid_token: refresh, then retry once) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Forbidden (forbidden: the caller's role lacks this route's permission; csrf_rejected: a cookie request without an allowed Origin and X-PixEcom-Client) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Invalid input (the field is named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    alerts_list_alerts: {
        parameters: {
            query?: {
                status?: string;
                kind?: components["schemas"]["AlertKind"][] | null;
                severity?: components["schemas"]["AlertSeverity"][] | null;
                ad_account_id?: string | null;
                entity_id?: string | null;
                limit?: number;
                cursor?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AlertList"];
                };
            };
            /** @description Missing, invalid or expired credentials (code invalid_token: refresh, then retry once) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Forbidden (forbidden: the caller's role lacks this route's permission; csrf_rejected: a cookie request without an allowed Origin and X-PixEcom-Client) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Invalid input (the field is named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    alerts_acknowledge_alert: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                alert_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AlertOut"];
                };
            };
            /** @description Missing, invalid or expired credentials (code invalid_token: refresh, then retry once) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Forbidden (forbidden: the caller's role lacks this route's permission; csrf_rejected: a cookie request without an allowed Origin and X-PixEcom-Client) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Invalid input (the field is named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    alerts_get_thresholds: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AlertThresholdsOut"];
                };
            };
            /** @description Missing, invalid or expired credentials (code invalid_token: refresh, then retry once) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Forbidden (forbidden: the caller's role lacks this route's permission; csrf_rejected: a cookie request without an allowed Origin and X-PixEcom-Client) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Invalid input (the field is named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    alerts_put_thresholds: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AlertThresholds"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AlertThresholdsOut"];
                };
            };
            /** @description Malformed JSON or a request the upstream refused */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired credentials (code invalid_token: refresh, then retry once) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Forbidden (forbidden: the caller's role lacks this route's permission; csrf_rejected: a cookie request without an allowed Origin and X-PixEcom-Client) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body over 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Invalid input (the field is named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    alerts_get_webhook: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookOrNone"];
                };
            };
            /** @description Missing, invalid or expired credentials (code invalid_token: refresh, then retry once) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Forbidden (forbidden: the caller's role lacks this route's permission; csrf_rejected: a cookie request without an allowed Origin and X-PixEcom-Client) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Invalid input (the field is named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    alerts_put_webhook: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookOut"];
                };
            };
            /** @description Malformed JSON or a request the upstream refused */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired credentials (code invalid_token: refresh, then retry once) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Forbidden (forbidden: the caller's role lacks this route's permission; csrf_rejected: a cookie request without an allowed Origin and X-PixEcom-Client) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body over 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Invalid input (the field is named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    alerts_delete_webhook: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, invalid or expired credentials (code invalid_token: refresh, then retry once) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Forbidden (forbidden: the caller's role lacks this route's permission; csrf_rejected: a cookie request without an allowed Origin and X-PixEcom-Client) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Invalid input (the field is named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    alerts_test_webhook: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookTestOut"];
                };
            };
            /** @description Missing, invalid or expired credentials (code invalid_token: refresh, then retry once) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Forbidden (forbidden: the caller's role lacks this route's permission; csrf_rejected: a cookie request without an allowed Origin and X-PixEcom-Client) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Invalid input (the field is named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    auth_register: {
        parameters: {
            query?: never;
            header?: {
                /** @description 1 = a browser client: the refresh token goes only into the HttpOnly cookie */
                "X-PixEcom-Client"?: string | null;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegisterRequest"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    /** @description pixecom_refresh=<refresh token>; HttpOnly; Secure; SameSite=Strict; Path=/api/auth; Max-Age=<seconds left in the session> */
                    "Set-Cookie"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegisterResponse"];
                };
            };
            /** @description Malformed JSON or a request the upstream refused */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Forbidden (forbidden: the caller's role lacks this route's permission; csrf_rejected: a cookie request without an allowed Origin and X-PixEcom-Client) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body over 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Invalid input (the field is named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests; wait Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    auth_login: {
        parameters: {
            query?: never;
            header?: {
                /** @description 1 = a browser client: the refresh token goes only into the HttpOnly cookie */
                "X-PixEcom-Client"?: string | null;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginRequest"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    /** @description pixecom_refresh=<refresh token>; HttpOnly; Secure; SameSite=Strict; Path=/api/auth; Max-Age=<seconds left in the session> */
                    "Set-Cookie"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenResponse"];
                };
            };
            /** @description Malformed JSON or a request the upstream refused */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired credentials (code invalid_token: refresh, then retry once) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body over 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Invalid input (the field is named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests; wait Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    auth_refresh: {
        parameters: {
            query?: never;
            header?: {
                /** @description 1 = a browser client: the refresh token goes only into the HttpOnly cookie */
                "X-PixEcom-Client"?: string | null;
            };
            path?: never;
            cookie?: {
                /** @description the refresh token (browsers); needs an allowed Origin and X-PixEcom-Client: 1 */
                pixecom_refresh?: string | null;
            };
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["RefreshRequest"] | null;
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    /** @description pixecom_refresh=<refresh token>; HttpOnly; Secure; SameSite=Strict; Path=/api/auth; Max-Age=<seconds left in the session> */
                    "Set-Cookie"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenResponse"];
                };
            };
            /** @description Malformed JSON or a request the upstream refused */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired credentials (code invalid_token: refresh, then retry once) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Forbidden (forbidden: the caller's role lacks this route's permission; csrf_rejected: a cookie request without an allowed Origin and X-PixEcom-Client) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body over 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Invalid input (the field is named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    auth_logout: {
        parameters: {
            query?: never;
            header?: {
                /** @description 1 = a browser client: the refresh token goes only into the HttpOnly cookie */
                "X-PixEcom-Client"?: string | null;
            };
            path?: never;
            cookie?: {
                /** @description the refresh token (browsers); needs an allowed Origin and X-PixEcom-Client: 1 */
                pixecom_refresh?: string | null;
            };
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["LogoutRequest"] | null;
            };
        };
        responses: {
            /** @description Successful Response */
            204: {
                headers: {
                    /** @description pixecom_refresh=<refresh token>; HttpOnly; Secure; SameSite=Strict; Path=/api/auth; Max-Age=<seconds left in the session> */
                    "Set-Cookie"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed JSON or a request the upstream refused */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Forbidden (forbidden: the caller's role lacks this route's permission; csrf_rejected: a cookie request without an allowed Origin and X-PixEcom-Client) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body over 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Invalid input (the field is named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    auth_me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeResponse"];
                };
            };
            /** @description Missing, invalid or expired credentials (code invalid_token: refresh, then retry once) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Invalid input (the field is named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    auth_accept_invitation: {
        parameters: {
            query?: never;
            header?: {
                /** @description 1 = a browser client: the refresh token goes only into the HttpOnly cookie */
                "X-PixEcom-Client"?: string | null;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AcceptInvitationRequest"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    /** @description pixecom_refresh=<refresh token>; HttpOnly; Secure; SameSite=Strict; Path=/api/auth; Max-Age=<seconds left in the session> */
                    "Set-Cookie"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenResponse"];
                };
            };
            /** @description Malformed JSON or a request the upstream refused */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired credentials (code invalid_token: refresh, then retry once) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Forbidden (forbidden: the caller's role lacks this route's permission; csrf_rejected: a cookie request without an allowed Origin and X-PixEcom-Client) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body over 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Invalid input (the field is named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests; wait Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    ads_manager_get_breakdown_job: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                job_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BreakdownJob"];
                };
            };
            /** @description Missing, invalid or expired credentials (code invalid_token: refresh, then retry once) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Forbidden (forbidden: the caller's role lacks this route's permission; csrf_rejected: a cookie request without an allowed Origin and X-PixEcom-Client) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Invalid input (the field is named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    control_change_status: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string | null;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StatusChangeIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JobAccepted"];
                };
            };
            /** @description Malformed JSON or a request the upstream refused */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired credentials (code invalid_token: refresh, then retry once) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Forbidden (forbidden: the caller's role lacks this route's permission; csrf_rejected: a cookie request without an allowed Origin and X-PixEcom-Client) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body over 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Invalid input (the field is named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Temporarily unavailable; retry (after Retry-After seconds when given) */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    control_change_budgets: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string | null;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BudgetChangeIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JobAccepted"];
                };
            };
            /** @description Malformed JSON or a request the upstream refused */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired credentials (code invalid_token: refresh, then retry once) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Forbidden (forbidden: the caller's role lacks this route's permission; csrf_rejected: a cookie request without an allowed Origin and X-PixEcom-Client) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body over 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Invalid input (the field is named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Temporarily unavailable; retry (after Retry-After seconds when given) */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    control_list_jobs: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JobListOut"];
                };
            };
            /** @description Missing, invalid or expired credentials (code invalid_token: refresh, then retry once) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Forbidden (forbidden: the caller's role lacks this route's permission; csrf_rejected: a cookie request without an allowed Origin and X-PixEcom-Client) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Invalid input (the field is named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    control_get_job: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                job_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JobOut"];
                };
            };
            /** @description Missing, invalid or expired credentials (code invalid_token: refresh, then retry once) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Forbidden (forbidden: the caller's role lacks this route's permission; csrf_rejected: a cookie request without an allowed Origin and X-PixEcom-Client) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Invalid input (the field is named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    control_list_audit: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string | null;
                job_id?: string | null;
                entity_id?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditListOut"];
                };
            };
            /** @description Missing, invalid or expired credentials (code invalid_token: refresh, then retry once) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Forbidden (forbidden: the caller's role lacks this route's permission; csrf_rejected: a cookie request without an allowed Origin and X-PixEcom-Client) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Invalid input (the field is named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    ads_manager_list_creatives: {
        parameters: {
            query?: {
                /** @description what the ads of a row share: media (video or image), ad_text, thumbnail or post; default media */
                group_by?: string | null;
                /** @description default last_7d; resolved in each ad account's timezone */
                date_preset?: components["schemas"]["DatePreset"];
                /** @description YYYY-MM-DD; give since and until together, instead of date_preset */
                since?: string;
                /** @description YYYY-MM-DD; give since and until together, instead of date_preset */
                until?: string;
                /** @description Repeat the parameter or separate values with commas; several values = any of them */
                sellpage_id?: string[];
                /** @description Repeat the parameter or separate values with commas; several values = any of them */
                status?: components["schemas"]["CampaignStatus"][];
                /** @description Repeat the parameter or separate values with commas; several values = any of them */
                delivery_status?: components["schemas"]["DeliveryStatus"][];
                /** @description Repeat the parameter or separate values with commas; several values = any of them */
                ad_account_id?: string[];
                /** @description Repeat the parameter or separate values with commas; several values = any of them */
                campaign_id?: string[];
                /** @description Repeat the parameter or separate values with commas; several values = any of them */
                adset_id?: string[];
                /** @description ad sets and ads: their campaign's status (a 422 on campaigns). Repeat the parameter or separate values with commas; several values = any of them */
                campaign_status?: components["schemas"]["CampaignStatus"][];
                /** @description ad sets and ads: their campaign's delivery status (a 422 on campaigns). Repeat the parameter or separate values with commas; several values = any of them */
                campaign_delivery?: components["schemas"]["DeliveryStatus"][];
                /** @description ads: their ad set's status (a 422 on campaigns and ad sets). Repeat the parameter or separate values with commas; several values = any of them */
                adset_status?: components["schemas"]["CampaignStatus"][];
                /** @description ads: their ad set's delivery status (a 422 on campaigns and ad sets). Repeat the parameter or separate values with commas; several values = any of them */
                adset_delivery?: components["schemas"]["DeliveryStatus"][];
                /** @description name contains (case-insensitive) */
                q?: string;
                /** @description name or a metric; '-' prefix = descending; default -spend */
                sort?: "name" | "-name" | "spend" | "-spend" | "impressions" | "-impressions" | "clicks" | "-clicks" | "link_clicks" | "-link_clicks" | "content_views" | "-content_views" | "add_to_cart" | "-add_to_cart" | "initiate_checkout" | "-initiate_checkout" | "purchases" | "-purchases" | "purchase_value" | "-purchase_value" | "results" | "-results" | "landing_page_views" | "-landing_page_views" | "video_views" | "-video_views" | "video_plays" | "-video_plays" | "thruplays" | "-thruplays" | "video_p25" | "-video_p25" | "video_p50" | "-video_p50" | "video_p75" | "-video_p75" | "video_p95" | "-video_p95" | "video_p100" | "-video_p100" | "video_30s_plays" | "-video_30s_plays" | "video_watch_time" | "-video_watch_time" | "cpm" | "-cpm" | "ctr" | "-ctr" | "ctr_all" | "-ctr_all" | "cpc" | "-cpc" | "cpv" | "-cpv" | "cost_per_add_to_cart" | "-cost_per_add_to_cart" | "cost_per_checkout" | "-cost_per_checkout" | "cost_per_purchase" | "-cost_per_purchase" | "cr" | "-cr" | "cr1" | "-cr1" | "cr2" | "-cr2" | "cr3" | "-cr3" | "cost_per_result" | "-cost_per_result" | "roas" | "-roas" | "aov" | "-aov" | "cost_per_landing_page_view" | "-cost_per_landing_page_view" | "hook_rate" | "-hook_rate" | "hold_rate" | "-hold_rate" | "cost_per_thruplay" | "-cost_per_thruplay" | "completion_rate" | "-completion_rate" | "avg_watch_time" | "-avg_watch_time" | "store_orders" | "-store_orders" | "store_revenue" | "-store_revenue" | "store_roas" | "-store_roas" | "purchase_value_gap" | "-purchase_value_gap";
                /** @description rows per page, default 50 */
                limit?: number;
                /** @description paging.next_cursor of the previous page */
                cursor?: string | null;
                /** @description add each row's and summary's previous_metrics and change: previous_period (the same number of days just before), previous_year (the same dates a year earlier; Feb 29 -> Feb 28); each account's own range, in its timezone */
                compare?: "previous_period" | "previous_year";
                /** @description YYYY-MM-DD; an explicit comparison range (give both, with since and until, not overlapping them), instead of compare */
                compare_since?: string;
                /** @description YYYY-MM-DD; an explicit comparison range (give both, with since and until, not overlapping them), instead of compare */
                compare_until?: string;
                /** @description the metrics each row, summary and CSV carry, in this order: metric names, or a preset (preset:performance, preset:delivery, preset:engagement, preset:video); default every metric. Repeat the parameter or separate values with commas; several values = any of them */
                columns?: string[];
                /** @description each row also carries its `breakdowns` by these dimensions (Meta's); when Meta still has to compute them the answer is 202 with the reports to poll (docs/breakdowns.md) */
                breakdown?: components["schemas"]["Breakdown"];
                /** @description ads and creatives only: ads whose creative has this version key. Repeat the parameter or separate values with commas; several values = any of them */
                media_version?: string[];
                /** @description ads and creatives only: ads whose creative has this version key. Repeat the parameter or separate values with commas; several values = any of them */
                ad_text_version?: string[];
                /** @description ads and creatives only: ads whose creative has this version key. Repeat the parameter or separate values with commas; several values = any of them */
                thumbnail_version?: string[];
                /** @description ads and creatives only: ads whose creative has this version key. Repeat the parameter or separate values with commas; several values = any of them */
                post_version?: string[];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The groups */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreativeGroupList"];
                };
            };
            /** @description Missing, invalid or expired credentials (code invalid_token: refresh, then retry once) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Forbidden (forbidden: the caller's role lacks this route's permission; csrf_rejected: a cookie request without an allowed Origin and X-PixEcom-Client) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Invalid input (the field is named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    ads_manager_export_creatives: {
        parameters: {
            query?: {
                /** @description what the ads of a row share: media (video or image), ad_text, thumbnail or post; default media */
                group_by?: string | null;
                /** @description default last_7d; resolved in each ad account's timezone */
                date_preset?: components["schemas"]["DatePreset"];
                /** @description YYYY-MM-DD; give since and until together, instead of date_preset */
                since?: string;
                /** @description YYYY-MM-DD; give since and until together, instead of date_preset */
                until?: string;
                /** @description Repeat the parameter or separate values with commas; several values = any of them */
                sellpage_id?: string[];
                /** @description Repeat the parameter or separate values with commas; several values = any of them */
                status?: components["schemas"]["CampaignStatus"][];
                /** @description Repeat the parameter or separate values with commas; several values = any of them */
                delivery_status?: components["schemas"]["DeliveryStatus"][];
                /** @description Repeat the parameter or separate values with commas; several values = any of them */
                ad_account_id?: string[];
                /** @description Repeat the parameter or separate values with commas; several values = any of them */
                campaign_id?: string[];
                /** @description Repeat the parameter or separate values with commas; several values = any of them */
                adset_id?: string[];
                /** @description ad sets and ads: their campaign's status (a 422 on campaigns). Repeat the parameter or separate values with commas; several values = any of them */
                campaign_status?: components["schemas"]["CampaignStatus"][];
                /** @description ad sets and ads: their campaign's delivery status (a 422 on campaigns). Repeat the parameter or separate values with commas; several values = any of them */
                campaign_delivery?: components["schemas"]["DeliveryStatus"][];
                /** @description ads: their ad set's status (a 422 on campaigns and ad sets). Repeat the parameter or separate values with commas; several values = any of them */
                adset_status?: components["schemas"]["CampaignStatus"][];
                /** @description ads: their ad set's delivery status (a 422 on campaigns and ad sets). Repeat the parameter or separate values with commas; several values = any of them */
                adset_delivery?: components["schemas"]["DeliveryStatus"][];
                /** @description name contains (case-insensitive) */
                q?: string;
                /** @description name or a metric; '-' prefix = descending; default -spend */
                sort?: "name" | "-name" | "spend" | "-spend" | "impressions" | "-impressions" | "clicks" | "-clicks" | "link_clicks" | "-link_clicks" | "content_views" | "-content_views" | "add_to_cart" | "-add_to_cart" | "initiate_checkout" | "-initiate_checkout" | "purchases" | "-purchases" | "purchase_value" | "-purchase_value" | "results" | "-results" | "landing_page_views" | "-landing_page_views" | "video_views" | "-video_views" | "video_plays" | "-video_plays" | "thruplays" | "-thruplays" | "video_p25" | "-video_p25" | "video_p50" | "-video_p50" | "video_p75" | "-video_p75" | "video_p95" | "-video_p95" | "video_p100" | "-video_p100" | "video_30s_plays" | "-video_30s_plays" | "video_watch_time" | "-video_watch_time" | "cpm" | "-cpm" | "ctr" | "-ctr" | "ctr_all" | "-ctr_all" | "cpc" | "-cpc" | "cpv" | "-cpv" | "cost_per_add_to_cart" | "-cost_per_add_to_cart" | "cost_per_checkout" | "-cost_per_checkout" | "cost_per_purchase" | "-cost_per_purchase" | "cr" | "-cr" | "cr1" | "-cr1" | "cr2" | "-cr2" | "cr3" | "-cr3" | "cost_per_result" | "-cost_per_result" | "roas" | "-roas" | "aov" | "-aov" | "cost_per_landing_page_view" | "-cost_per_landing_page_view" | "hook_rate" | "-hook_rate" | "hold_rate" | "-hold_rate" | "cost_per_thruplay" | "-cost_per_thruplay" | "completion_rate" | "-completion_rate" | "avg_watch_time" | "-avg_watch_time" | "store_orders" | "-store_orders" | "store_revenue" | "-store_revenue" | "store_roas" | "-store_roas" | "purchase_value_gap" | "-purchase_value_gap";
                /** @description rows per page, default 50 */
                limit?: number;
                /** @description paging.next_cursor of the previous page */
                cursor?: string | null;
                /** @description add each row's and summary's previous_metrics and change: previous_period (the same number of days just before), previous_year (the same dates a year earlier; Feb 29 -> Feb 28); each account's own range, in its timezone */
                compare?: "previous_period" | "previous_year";
                /** @description YYYY-MM-DD; an explicit comparison range (give both, with since and until, not overlapping them), instead of compare */
                compare_since?: string;
                /** @description YYYY-MM-DD; an explicit comparison range (give both, with since and until, not overlapping them), instead of compare */
                compare_until?: string;
                /** @description the metrics each row, summary and CSV carry, in this order: metric names, or a preset (preset:performance, preset:delivery, preset:engagement, preset:video); default every metric. Repeat the parameter or separate values with commas; several values = any of them */
                columns?: string[];
                /** @description each row also carries its `breakdowns` by these dimensions (Meta's); when Meta still has to compute them the answer is 202 with the reports to poll (docs/breakdowns.md) */
                breakdown?: components["schemas"]["Breakdown"];
                /** @description ads and creatives only: ads whose creative has this version key. Repeat the parameter or separate values with commas; several values = any of them */
                media_version?: string[];
                /** @description ads and creatives only: ads whose creative has this version key. Repeat the parameter or separate values with commas; several values = any of them */
                ad_text_version?: string[];
                /** @description ads and creatives only: ads whose creative has this version key. Repeat the parameter or separate values with commas; several values = any of them */
                thumbnail_version?: string[];
                /** @description ads and creatives only: ads whose creative has this version key. Repeat the parameter or separate values with commas; several values = any of them */
                post_version?: string[];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description CSV (UTF-8), header row first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            /** @description Missing, invalid or expired credentials (code invalid_token: refresh, then retry once) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Forbidden (forbidden: the caller's role lacks this route's permission; csrf_rejected: a cookie request without an allowed Origin and X-PixEcom-Client) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Invalid input (the field is named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    ads_manager_creative_daily: {
        parameters: {
            query: {
                /** @description the group's key, as its row gives it */
                key: string;
                /** @description the group's currency */
                currency: string;
                /** @description what the ads of a row share: media (video or image), ad_text, thumbnail or post; default media */
                group_by?: string | null;
                /** @description default last_7d; resolved in each ad account's timezone */
                date_preset?: components["schemas"]["DatePreset"];
                /** @description YYYY-MM-DD; give since and until together, instead of date_preset */
                since?: string;
                /** @description YYYY-MM-DD; give since and until together, instead of date_preset */
                until?: string;
                /** @description Repeat the parameter or separate values with commas; several values = any of them */
                sellpage_id?: string[];
                /** @description Repeat the parameter or separate values with commas; several values = any of them */
                status?: components["schemas"]["CampaignStatus"][];
                /** @description Repeat the parameter or separate values with commas; several values = any of them */
                delivery_status?: components["schemas"]["DeliveryStatus"][];
                /** @description Repeat the parameter or separate values with commas; several values = any of them */
                ad_account_id?: string[];
                /** @description Repeat the parameter or separate values with commas; several values = any of them */
                campaign_id?: string[];
                /** @description Repeat the parameter or separate values with commas; several values = any of them */
                adset_id?: string[];
                /** @description ad sets and ads: their campaign's status (a 422 on campaigns). Repeat the parameter or separate values with commas; several values = any of them */
                campaign_status?: components["schemas"]["CampaignStatus"][];
                /** @description ad sets and ads: their campaign's delivery status (a 422 on campaigns). Repeat the parameter or separate values with commas; several values = any of them */
                campaign_delivery?: components["schemas"]["DeliveryStatus"][];
                /** @description ads: their ad set's status (a 422 on campaigns and ad sets). Repeat the parameter or separate values with commas; several values = any of them */
                adset_status?: components["schemas"]["CampaignStatus"][];
                /** @description ads: their ad set's delivery status (a 422 on campaigns and ad sets). Repeat the parameter or separate values with commas; several values = any of them */
                adset_delivery?: components["schemas"]["DeliveryStatus"][];
                /** @description name contains (case-insensitive) */
                q?: string;
                /** @description name or a metric; '-' prefix = descending; default -spend */
                sort?: "name" | "-name" | "spend" | "-spend" | "impressions" | "-impressions" | "clicks" | "-clicks" | "link_clicks" | "-link_clicks" | "content_views" | "-content_views" | "add_to_cart" | "-add_to_cart" | "initiate_checkout" | "-initiate_checkout" | "purchases" | "-purchases" | "purchase_value" | "-purchase_value" | "results" | "-results" | "landing_page_views" | "-landing_page_views" | "video_views" | "-video_views" | "video_plays" | "-video_plays" | "thruplays" | "-thruplays" | "video_p25" | "-video_p25" | "video_p50" | "-video_p50" | "video_p75" | "-video_p75" | "video_p95" | "-video_p95" | "video_p100" | "-video_p100" | "video_30s_plays" | "-video_30s_plays" | "video_watch_time" | "-video_watch_time" | "cpm" | "-cpm" | "ctr" | "-ctr" | "ctr_all" | "-ctr_all" | "cpc" | "-cpc" | "cpv" | "-cpv" | "cost_per_add_to_cart" | "-cost_per_add_to_cart" | "cost_per_checkout" | "-cost_per_checkout" | "cost_per_purchase" | "-cost_per_purchase" | "cr" | "-cr" | "cr1" | "-cr1" | "cr2" | "-cr2" | "cr3" | "-cr3" | "cost_per_result" | "-cost_per_result" | "roas" | "-roas" | "aov" | "-aov" | "cost_per_landing_page_view" | "-cost_per_landing_page_view" | "hook_rate" | "-hook_rate" | "hold_rate" | "-hold_rate" | "cost_per_thruplay" | "-cost_per_thruplay" | "completion_rate" | "-completion_rate" | "avg_watch_time" | "-avg_watch_time" | "store_orders" | "-store_orders" | "store_revenue" | "-store_revenue" | "store_roas" | "-store_roas" | "purchase_value_gap" | "-purchase_value_gap";
                /** @description rows per page, default 50 */
                limit?: number;
                /** @description paging.next_cursor of the previous page */
                cursor?: string | null;
                /** @description add each row's and summary's previous_metrics and change: previous_period (the same number of days just before), previous_year (the same dates a year earlier; Feb 29 -> Feb 28); each account's own range, in its timezone */
                compare?: "previous_period" | "previous_year";
                /** @description YYYY-MM-DD; an explicit comparison range (give both, with since and until, not overlapping them), instead of compare */
                compare_since?: string;
                /** @description YYYY-MM-DD; an explicit comparison range (give both, with since and until, not overlapping them), instead of compare */
                compare_until?: string;
                /** @description the metrics each row, summary and CSV carry, in this order: metric names, or a preset (preset:performance, preset:delivery, preset:engagement, preset:video); default every metric. Repeat the parameter or separate values with commas; several values = any of them */
                columns?: string[];
                /** @description each row also carries its `breakdowns` by these dimensions (Meta's); when Meta still has to compute them the answer is 202 with the reports to poll (docs/breakdowns.md) */
                breakdown?: components["schemas"]["Breakdown"];
                /** @description ads and creatives only: ads whose creative has this version key. Repeat the parameter or separate values with commas; several values = any of them */
                media_version?: string[];
                /** @description ads and creatives only: ads whose creative has this version key. Repeat the parameter or separate values with commas; several values = any of them */
                ad_text_version?: string[];
                /** @description ads and creatives only: ads whose creative has this version key. Repeat the parameter or separate values with commas; several values = any of them */
                thumbnail_version?: string[];
                /** @description ads and creatives only: ads whose creative has this version key. Repeat the parameter or separate values with commas; several values = any of them */
                post_version?: string[];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One point per day */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreativeDailySeries"];
                };
            };
            /** @description Missing, invalid or expired credentials (code invalid_token: refresh, then retry once) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Forbidden (forbidden: the caller's role lacks this route's permission; csrf_rejected: a cookie request without an allowed Origin and X-PixEcom-Client) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Invalid input (the field is named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    ads_manager_get_ad_creative: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                ad_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdCreativeOut"];
                };
            };
            /** @description Missing, invalid or expired credentials (code invalid_token: refresh, then retry once) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Forbidden (forbidden: the caller's role lacks this route's permission; csrf_rejected: a cookie request without an allowed Origin and X-PixEcom-Client) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Invalid input (the field is named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    currency_get_reporting_currency: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReportingCurrencyOut"];
                };
            };
            /** @description Missing, invalid or expired credentials (code invalid_token: refresh, then retry once) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Forbidden (forbidden: the caller's role lacks this route's permission; csrf_rejected: a cookie request without an allowed Origin and X-PixEcom-Client) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Invalid input (the field is named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    currency_put_reporting_currency: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReportingCurrencyIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReportingCurrencyOut"];
                };
            };
            /** @description Malformed JSON or a request the upstream refused */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired credentials (code invalid_token: refresh, then retry once) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Forbidden (forbidden: the caller's role lacks this route's permission; csrf_rejected: a cookie request without an allowed Origin and X-PixEcom-Client) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body over 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Invalid input (the field is named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    currency_exchange_rates: {
        parameters: {
            query?: {
                on?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RatesOut"];
                };
            };
            /** @description Missing, invalid or expired credentials (code invalid_token: refresh, then retry once) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Forbidden (forbidden: the caller's role lacks this route's permission; csrf_rejected: a cookie request without an allowed Origin and X-PixEcom-Client) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Invalid input (the field is named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    health_health: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
        };
    };
    meta_login_start_connect: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthorizeUrlOut"];
                };
            };
            /** @description Missing, invalid or expired credentials (code invalid_token: refresh, then retry once) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Forbidden (forbidden: the caller's role lacks this route's permission; csrf_rejected: a cookie request without an allowed Origin and X-PixEcom-Client) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Invalid input (the field is named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Temporarily unavailable; retry (after Retry-After seconds when given) */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    meta_login_finish_connect: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CallbackIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConnectionOut"];
                };
            };
            /** @description Malformed JSON or a request the upstream refused */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired credentials (code invalid_token: refresh, then retry once) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Forbidden (forbidden: the caller's role lacks this route's permission; csrf_rejected: a cookie request without an allowed Origin and X-PixEcom-Client) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body over 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Invalid input (the field is named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Temporarily unavailable; retry (after Retry-After seconds when given) */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    meta_login_get_connection: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                connection_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConnectionOut"];
                };
            };
            /** @description Missing, invalid or expired credentials (code invalid_token: refresh, then retry once) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Forbidden (forbidden: the caller's role lacks this route's permission; csrf_rejected: a cookie request without an allowed Origin and X-PixEcom-Client) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Invalid input (the field is named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    meta_login_connect_accounts: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                connection_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ConnectAccountsIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConnectAccountsOut"];
                };
            };
            /** @description Malformed JSON or a request the upstream refused */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired credentials (code invalid_token: refresh, then retry once) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Forbidden (forbidden: the caller's role lacks this route's permission; csrf_rejected: a cookie request without an allowed Origin and X-PixEcom-Client) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body over 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Invalid input (the field is named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    meta_login_list_token_health: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenHealthList"];
                };
            };
            /** @description Missing, invalid or expired credentials (code invalid_token: refresh, then retry once) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Forbidden (forbidden: the caller's role lacks this route's permission; csrf_rejected: a cookie request without an allowed Origin and X-PixEcom-Client) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Invalid input (the field is named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    meta_login_deauthorize: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeauthorizeAnswer"];
                };
            };
            /** @description Malformed JSON or a request the upstream refused */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Temporarily unavailable; retry (after Retry-After seconds when given) */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    meta_login_data_deletion: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeletionAnswer"];
                };
            };
            /** @description Malformed JSON or a request the upstream refused */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Temporarily unavailable; retry (after Retry-After seconds when given) */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    meta_login_data_deletion_status: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                confirmation_code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeletionStatusOut"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Invalid input (the field is named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    preferences_read_preferences: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PreferencesOut"];
                };
            };
            /** @description Missing, invalid or expired credentials (code invalid_token: refresh, then retry once) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Invalid input (the field is named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    preferences_change_preferences: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PreferencesPatch"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PreferencesOut"];
                };
            };
            /** @description Malformed JSON or a request the upstream refused */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired credentials (code invalid_token: refresh, then retry once) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body over 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Invalid input (the field is named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    preferences_list_column_presets: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ColumnPresetList"];
                };
            };
            /** @description Missing, invalid or expired credentials (code invalid_token: refresh, then retry once) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Forbidden (forbidden: the caller's role lacks this route's permission; csrf_rejected: a cookie request without an allowed Origin and X-PixEcom-Client) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Invalid input (the field is named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    rules_list_rules: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RuleList"];
                };
            };
            /** @description Missing, invalid or expired credentials (code invalid_token: refresh, then retry once) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Forbidden (forbidden: the caller's role lacks this route's permission; csrf_rejected: a cookie request without an allowed Origin and X-PixEcom-Client) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Invalid input (the field is named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    rules_create_rule: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RuleSpec"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RuleOut"];
                };
            };
            /** @description Malformed JSON or a request the upstream refused */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired credentials (code invalid_token: refresh, then retry once) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Forbidden (forbidden: the caller's role lacks this route's permission; csrf_rejected: a cookie request without an allowed Origin and X-PixEcom-Client) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body over 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Invalid input (the field is named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    rules_get_rule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                rule_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RuleOut"];
                };
            };
            /** @description Missing, invalid or expired credentials (code invalid_token: refresh, then retry once) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Forbidden (forbidden: the caller's role lacks this route's permission; csrf_rejected: a cookie request without an allowed Origin and X-PixEcom-Client) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Invalid input (the field is named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    rules_delete_rule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                rule_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, invalid or expired credentials (code invalid_token: refresh, then retry once) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Forbidden (forbidden: the caller's role lacks this route's permission; csrf_rejected: a cookie request without an allowed Origin and X-PixEcom-Client) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Invalid input (the field is named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    rules_update_rule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                rule_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RulePatch"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RuleOut"];
                };
            };
            /** @description Malformed JSON or a request the upstream refused */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired credentials (code invalid_token: refresh, then retry once) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Forbidden (forbidden: the caller's role lacks this route's permission; csrf_rejected: a cookie request without an allowed Origin and X-PixEcom-Client) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body over 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Invalid input (the field is named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    rules_enable_rule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                rule_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RuleOut"];
                };
            };
            /** @description Missing, invalid or expired credentials (code invalid_token: refresh, then retry once) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Forbidden (forbidden: the caller's role lacks this route's permission; csrf_rejected: a cookie request without an allowed Origin and X-PixEcom-Client) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Invalid input (the field is named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    rules_disable_rule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                rule_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RuleOut"];
                };
            };
            /** @description Missing, invalid or expired credentials (code invalid_token: refresh, then retry once) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Forbidden (forbidden: the caller's role lacks this route's permission; csrf_rejected: a cookie request without an allowed Origin and X-PixEcom-Client) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Invalid input (the field is named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    rules_preview_rule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                rule_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RulePreview"];
                };
            };
            /** @description Missing, invalid or expired credentials (code invalid_token: refresh, then retry once) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Forbidden (forbidden: the caller's role lacks this route's permission; csrf_rejected: a cookie request without an allowed Origin and X-PixEcom-Client) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Invalid input (the field is named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    rules_list_runs: {
        parameters: {
            query?: {
                limit?: number;
            };
            header?: never;
            path: {
                rule_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RuleRunList"];
                };
            };
            /** @description Missing, invalid or expired credentials (code invalid_token: refresh, then retry once) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Forbidden (forbidden: the caller's role lacks this route's permission; csrf_rejected: a cookie request without an allowed Origin and X-PixEcom-Client) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Invalid input (the field is named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    sellpages_list_sellpages: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SellpageList"];
                };
            };
            /** @description Missing, invalid or expired credentials (code invalid_token: refresh, then retry once) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Forbidden (forbidden: the caller's role lacks this route's permission; csrf_rejected: a cookie request without an allowed Origin and X-PixEcom-Client) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Invalid input (the field is named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    sellpages_create_sellpage: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SellpageCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SellpageOut"];
                };
            };
            /** @description Malformed JSON or a request the upstream refused */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired credentials (code invalid_token: refresh, then retry once) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Forbidden (forbidden: the caller's role lacks this route's permission; csrf_rejected: a cookie request without an allowed Origin and X-PixEcom-Client) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body over 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Invalid input (the field is named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    sellpages_delete_sellpage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                sellpage_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, invalid or expired credentials (code invalid_token: refresh, then retry once) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Forbidden (forbidden: the caller's role lacks this route's permission; csrf_rejected: a cookie request without an allowed Origin and X-PixEcom-Client) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Invalid input (the field is named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    sellpages_update_sellpage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                sellpage_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SellpageUpdate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SellpageOut"];
                };
            };
            /** @description Malformed JSON or a request the upstream refused */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired credentials (code invalid_token: refresh, then retry once) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Forbidden (forbidden: the caller's role lacks this route's permission; csrf_rejected: a cookie request without an allowed Origin and X-PixEcom-Client) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body over 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Invalid input (the field is named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    sellpages_update_campaign: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                campaign_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CampaignUpdate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignSellpageOut"];
                };
            };
            /** @description Malformed JSON or a request the upstream refused */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired credentials (code invalid_token: refresh, then retry once) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Forbidden (forbidden: the caller's role lacks this route's permission; csrf_rejected: a cookie request without an allowed Origin and X-PixEcom-Client) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body over 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Invalid input (the field is named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    auth_signup_rules: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignupRules"];
                };
            };
        };
    };
    store_list_keys: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StoreKeyList"];
                };
            };
            /** @description Missing, invalid or expired credentials (code invalid_token: refresh, then retry once) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Forbidden (forbidden: the caller's role lacks this route's permission; csrf_rejected: a cookie request without an allowed Origin and X-PixEcom-Client) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Invalid input (the field is named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    store_create_key: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StoreKeyCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StoreKeyCreated"];
                };
            };
            /** @description Malformed JSON or a request the upstream refused */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired credentials (code invalid_token: refresh, then retry once) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Forbidden (forbidden: the caller's role lacks this route's permission; csrf_rejected: a cookie request without an allowed Origin and X-PixEcom-Client) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body over 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Invalid input (the field is named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    store_revoke_key: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                key_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, invalid or expired credentials (code invalid_token: refresh, then retry once) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Forbidden (forbidden: the caller's role lacks this route's permission; csrf_rejected: a cookie request without an allowed Origin and X-PixEcom-Client) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Invalid input (the field is named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    store_send_order_event: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OrderEvent"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderResult"];
                };
            };
            /** @description Malformed JSON or a request the upstream refused */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired credentials (code invalid_token: refresh, then retry once) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Forbidden (forbidden: the caller's role lacks this route's permission; csrf_rejected: a cookie request without an allowed Origin and X-PixEcom-Client) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body over 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Invalid input (the field is named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests; wait Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    store_send_order_batch: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OrderBatch"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderBatchResult"];
                };
            };
            /** @description Malformed JSON or a request the upstream refused */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired credentials (code invalid_token: refresh, then retry once) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Forbidden (forbidden: the caller's role lacks this route's permission; csrf_rejected: a cookie request without an allowed Origin and X-PixEcom-Client) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body over 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Invalid input (the field is named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests; wait Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    store_list_sellpages: {
        parameters: {
            query?: {
                /** @description default last_7d; resolved in each ad account's timezone */
                date_preset?: components["schemas"]["DatePreset"];
                /** @description YYYY-MM-DD; give since and until together, instead of date_preset */
                since?: string;
                /** @description YYYY-MM-DD; give since and until together, instead of date_preset */
                until?: string;
                /** @description rows per page, default 50 */
                limit?: number;
                /** @description paging.next_cursor of the previous page */
                cursor?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SellpageLevelList"];
                };
            };
            /** @description Missing, invalid or expired credentials (code invalid_token: refresh, then retry once) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Forbidden (forbidden: the caller's role lacks this route's permission; csrf_rejected: a cookie request without an allowed Origin and X-PixEcom-Client) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Invalid input (the field is named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    team_list_roles: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoleTable"];
                };
            };
            /** @description Missing, invalid or expired credentials (code invalid_token: refresh, then retry once) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Invalid input (the field is named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    team_list_members: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MemberList"];
                };
            };
            /** @description Missing, invalid or expired credentials (code invalid_token: refresh, then retry once) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Forbidden (forbidden: the caller's role lacks this route's permission; csrf_rejected: a cookie request without an allowed Origin and X-PixEcom-Client) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Invalid input (the field is named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    team_remove_member: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, invalid or expired credentials (code invalid_token: refresh, then retry once) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Forbidden (forbidden: the caller's role lacks this route's permission; csrf_rejected: a cookie request without an allowed Origin and X-PixEcom-Client) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Invalid input (the field is named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    team_change_member: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MemberPatch"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MemberOut"];
                };
            };
            /** @description Malformed JSON or a request the upstream refused */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired credentials (code invalid_token: refresh, then retry once) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Forbidden (forbidden: the caller's role lacks this route's permission; csrf_rejected: a cookie request without an allowed Origin and X-PixEcom-Client) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body over 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Invalid input (the field is named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    team_leave_team: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, invalid or expired credentials (code invalid_token: refresh, then retry once) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Invalid input (the field is named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    team_transfer_ownership: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TransferIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed JSON or a request the upstream refused */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired credentials (code invalid_token: refresh, then retry once) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Forbidden (forbidden: the caller's role lacks this route's permission; csrf_rejected: a cookie request without an allowed Origin and X-PixEcom-Client) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body over 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Invalid input (the field is named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    team_list_invitations: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvitationList"];
                };
            };
            /** @description Missing, invalid or expired credentials (code invalid_token: refresh, then retry once) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Forbidden (forbidden: the caller's role lacks this route's permission; csrf_rejected: a cookie request without an allowed Origin and X-PixEcom-Client) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Invalid input (the field is named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    team_invite: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InvitationIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NewInvitationOut"];
                };
            };
            /** @description Malformed JSON or a request the upstream refused */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired credentials (code invalid_token: refresh, then retry once) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Forbidden (forbidden: the caller's role lacks this route's permission; csrf_rejected: a cookie request without an allowed Origin and X-PixEcom-Client) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body over 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Invalid input (the field is named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    team_cancel_invitation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                invitation_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, invalid or expired credentials (code invalid_token: refresh, then retry once) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Forbidden (forbidden: the caller's role lacks this route's permission; csrf_rejected: a cookie request without an allowed Origin and X-PixEcom-Client) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Invalid input (the field is named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
}
