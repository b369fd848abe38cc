package dev.parley.chat.knowledge;

import java.util.List;

/** The six sample articles seeded into an empty knowledge base. */
final class SampleArticles {

    static final List<ArticleDraft> ALL = List.of(
            new ArticleDraft("How to reset your password", "reset-password",
                    "Open the sign-in page and choose 'Forgot password'. Enter the email address of your account and"
                            + " we send you a link that is valid for one hour. Follow it and choose a new password.",
                    "Account", "password, login, sign in, forgot, reset", true, 1),
            new ArticleDraft("Payment methods we accept", "payment-methods",
                    "We accept Visa, Mastercard, American Express, PayPal and bank transfer. Invoices are issued"
                            + " in your account's currency and can be downloaded from the billing page.",
                    "Billing", "payment, card, paypal, invoice, bank transfer", true, 2),
            new ArticleDraft("Requesting a refund", "refunds",
                    "If you are not satisfied, ask for a refund within 30 days of payment. Contact our Billing &"
                            + " Finance team in the chat with your invoice number and we process it within five"
                            + " working days.",
                    "Billing", "refund, money back, cancel, invoice", true, 3),
            new ArticleDraft("Shipping times and tracking", "shipping",
                    "Orders leave our warehouse within two working days. You receive a tracking link by email as"
                            + " soon as the parcel is handed to the carrier. Delivery takes three to five days.",
                    "Orders", "shipping, delivery, tracking, parcel, order", true, 4),
            new ArticleDraft("Getting started with your account", "getting-started",
                    "Create your account, confirm your email address, then complete your profile. The dashboard"
                            + " shows what to do next; our team is one chat away if anything is unclear.",
                    "Account", "account, setup, start, profile, onboarding", true, 5),
            new ArticleDraft("Troubleshooting connection problems", "connection-problems",
                    "If the application does not load, clear your browser cache, disable extensions that block"
                            + " scripts and try again. Still stuck? Tell Technical Support your browser and what you"
                            + " see.",
                    "Technical", "error, connection, loading, browser, cache, troubleshooting", true, 6));

    private SampleArticles() {}
}
