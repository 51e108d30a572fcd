# Generated from spec/sent-v3.openapi.json by scripts/gen_models.py; do not edit.
# Regenerate with `make sync`.
"""Models of the ``profiles`` API family."""

from __future__ import annotations

import datetime

import attrs

from .._types import UNSET, StrEnum, Unset
from ._common import PaginationMeta


@attrs.frozen(kw_only=True)
class BillingContactInput:
    """Request input ``BillingContactInput``.

    Official SDK type: ``billing_contact_info_param.BillingContactInfoParam``.
    """

    email: str
    name: str
    address: str | None | Unset = UNSET
    phone: str | None | Unset = UNSET


@attrs.frozen(kw_only=True)
class BrandBusinessInput:
    """Request input ``BrandBusinessInput``.

    Official SDK type: ``brand_business_info_param.BrandBusinessInfoParam``.
    """

    city: str | None | Unset = UNSET
    country: str | None | Unset = UNSET
    country_of_registration: str | None | Unset = attrs.field(
        default=UNSET, metadata={"wire": "countryOfRegistration"}
    )
    entity_type: BrandBusinessInputEntityType | str | None | Unset = attrs.field(
        default=UNSET, metadata={"wire": "entityType"}
    )
    legal_name: str | None | Unset = attrs.field(default=UNSET, metadata={"wire": "legalName"})
    postal_code: str | None | Unset = attrs.field(default=UNSET, metadata={"wire": "postalCode"})
    state: str | None | Unset = UNSET
    street: str | None | Unset = UNSET
    tax_id: str | None | Unset = attrs.field(default=UNSET, metadata={"wire": "taxId"})
    tax_id_type: str | None | Unset = attrs.field(default=UNSET, metadata={"wire": "taxIdType"})
    url: str | None | Unset = UNSET


@attrs.frozen(kw_only=True)
class BrandCampaign:
    """Response data ``BrandCampaign``.

    Official SDK type: ``profiles.brand_campaign.BrandCampaign``.
    """

    billed_date: datetime.datetime | None = attrs.field(
        default=None, metadata={"wire": "billedDate"}
    )
    brand_id: str | None = attrs.field(default=None, metadata={"wire": "brandId"})
    cost: float | None = None
    created_at: datetime.datetime | None = attrs.field(default=None, metadata={"wire": "createdAt"})
    customer_id: str | None = attrs.field(default=None, metadata={"wire": "customerId"})
    dca_elections_complete: bool | None = attrs.field(
        default=None, metadata={"wire": "dcaElectionsComplete"}
    )
    dca_elections_completed_at: datetime.datetime | None = attrs.field(
        default=None, metadata={"wire": "dcaElectionsCompletedAt"}
    )
    description: str | None = None
    has_submission_transaction: bool | None = attrs.field(
        default=None, metadata={"wire": "hasSubmissionTransaction"}
    )
    help_keywords: str | None = attrs.field(default=None, metadata={"wire": "helpKeywords"})
    help_message: str | None = attrs.field(default=None, metadata={"wire": "helpMessage"})
    id: str | None = None
    message_flow: str | None = attrs.field(default=None, metadata={"wire": "messageFlow"})
    name: str | None = None
    optin_keywords: str | None = attrs.field(default=None, metadata={"wire": "optinKeywords"})
    optin_message: str | None = attrs.field(default=None, metadata={"wire": "optinMessage"})
    optout_keywords: str | None = attrs.field(default=None, metadata={"wire": "optoutKeywords"})
    optout_message: str | None = attrs.field(default=None, metadata={"wire": "optoutMessage"})
    privacy_policy_link: str | None = attrs.field(
        default=None, metadata={"wire": "privacyPolicyLink"}
    )
    status: BrandCampaignStatus | str | None = None
    submitted_at: datetime.datetime | None = attrs.field(
        default=None, metadata={"wire": "submittedAt"}
    )
    submitted_to_tcr: bool | None = attrs.field(default=None, metadata={"wire": "submittedToTCR"})
    tcr_campaign_id: str | None = attrs.field(default=None, metadata={"wire": "tcrCampaignId"})
    tcr_sync_error: str | None = attrs.field(default=None, metadata={"wire": "tcrSyncError"})
    terms_and_conditions_link: str | None = attrs.field(
        default=None, metadata={"wire": "termsAndConditionsLink"}
    )
    type: str | None = None
    updated_at: datetime.datetime | None = attrs.field(default=None, metadata={"wire": "updatedAt"})
    use_cases: list[CampaignUseCase] = attrs.field(factory=list, metadata={"wire": "useCases"})
    volume: str | None = None


@attrs.frozen(kw_only=True)
class BrandComplianceInput:
    """Request input ``BrandComplianceInput``.

    Official SDK type: ``brand_compliance_info_param.BrandComplianceInfoParam``.
    """

    brand_relationship: TcrBrandRelationship | str = attrs.field(
        metadata={"wire": "brandRelationship"}
    )
    vertical: TcrVertical | str
    destination_countries: list[DestinationCountryInput] | None | Unset = attrs.field(
        default=UNSET, metadata={"wire": "destinationCountries"}
    )
    is_tcr_application: bool | None | Unset = attrs.field(
        default=UNSET, metadata={"wire": "isTcrApplication"}
    )
    notes: str | None | Unset = UNSET
    phone_number_prefix: str | None | Unset = attrs.field(
        default=UNSET, metadata={"wire": "phoneNumberPrefix"}
    )


@attrs.frozen(kw_only=True)
class BrandContactInput:
    """Request input ``BrandContactInput``.

    Official SDK type: ``brand_contact_info_param.BrandContactInfoParam``.
    """

    name: str
    business_name: str | None | Unset = attrs.field(
        default=UNSET, metadata={"wire": "businessName"}
    )
    email: str | None | Unset = UNSET
    phone: str | None | Unset = UNSET
    phone_country_code: str | None | Unset = attrs.field(
        default=UNSET, metadata={"wire": "phoneCountryCode"}
    )
    role: str | None | Unset = UNSET


@attrs.frozen(kw_only=True)
class BrandInput:
    """Request input ``BrandInput``.

    Official SDK type: ``brands_brand_data_param.BrandsBrandDataParam``.
    """

    compliance: BrandComplianceInput
    contact: BrandContactInput
    business: BrandBusinessInput | None | Unset = UNSET


@attrs.frozen(kw_only=True)
class CampaignCreateRequest:
    """Request input ``CampaignCreateRequest``.

    Official SDK type: ``profiles.campaign_create_params.CampaignCreateParams``.
    """

    campaign: CampaignInput
    sandbox: bool | Unset = UNSET


@attrs.frozen(kw_only=True)
class CampaignInput:
    """Request input ``CampaignInput``.

    Official SDK type: ``profiles.campaign_data_param.CampaignDataParam``.
    """

    description: str
    name: str
    type: str
    use_cases: list[CampaignUseCaseInput] = attrs.field(metadata={"wire": "useCases"})
    help_keywords: str | None | Unset = attrs.field(
        default=UNSET, metadata={"wire": "helpKeywords"}
    )
    help_message: str | None | Unset = attrs.field(default=UNSET, metadata={"wire": "helpMessage"})
    message_flow: str | None | Unset = attrs.field(default=UNSET, metadata={"wire": "messageFlow"})
    optin_keywords: str | None | Unset = attrs.field(
        default=UNSET, metadata={"wire": "optinKeywords"}
    )
    optin_message: str | None | Unset = attrs.field(
        default=UNSET, metadata={"wire": "optinMessage"}
    )
    optout_keywords: str | None | Unset = attrs.field(
        default=UNSET, metadata={"wire": "optoutKeywords"}
    )
    optout_message: str | None | Unset = attrs.field(
        default=UNSET, metadata={"wire": "optoutMessage"}
    )
    privacy_policy_link: str | None | Unset = attrs.field(
        default=UNSET, metadata={"wire": "privacyPolicyLink"}
    )
    terms_and_conditions_link: str | None | Unset = attrs.field(
        default=UNSET, metadata={"wire": "termsAndConditionsLink"}
    )
    volume: str | None | Unset = UNSET


@attrs.frozen(kw_only=True)
class CampaignUpdateRequest:
    """Request input ``CampaignUpdateRequest``.

    Official SDK type: ``profiles.campaign_update_params.CampaignUpdateParams``.
    """

    campaign: CampaignInput
    sandbox: bool | Unset = UNSET


@attrs.frozen(kw_only=True)
class CampaignUseCase:
    """Response data ``CampaignUseCase``.

    Official SDK type: ``profiles.campaign_use_case.CampaignUseCase``.
    """

    campaign_id: str | None = attrs.field(default=None, metadata={"wire": "campaignId"})
    created_at: datetime.datetime | None = attrs.field(default=None, metadata={"wire": "createdAt"})
    customer_id: str | None = attrs.field(default=None, metadata={"wire": "customerId"})
    id: str | None = None
    messaging_use_case_us: MessagingUseCaseUs | str | None = attrs.field(
        default=None, metadata={"wire": "messagingUseCaseUs"}
    )
    sample_messages: list[str] = attrs.field(factory=list, metadata={"wire": "sampleMessages"})
    updated_at: datetime.datetime | None = attrs.field(default=None, metadata={"wire": "updatedAt"})


@attrs.frozen(kw_only=True)
class CampaignUseCaseInput:
    """Request input ``CampaignUseCaseInput``.

    Official SDK type: ``profiles.campaign_use_case_data_param.CampaignUseCaseDataParam``.
    """

    messaging_use_case_us: MessagingUseCaseUs | str = attrs.field(
        metadata={"wire": "messagingUseCaseUs"}
    )
    sample_messages: list[str] = attrs.field(metadata={"wire": "sampleMessages"})


@attrs.frozen(kw_only=True)
class DestinationCountry:
    """Response data ``DestinationCountry``.

    Official SDK type: ``destination_country.DestinationCountry``.
    """

    id: str | None = None
    is_main: bool | None = attrs.field(default=None, metadata={"wire": "isMain"})


@attrs.frozen(kw_only=True)
class DestinationCountryInput:
    """Request input ``DestinationCountryInput``.

    Official SDK type: ``destination_country_param.DestinationCountryParam``.
    """

    id: str | Unset = UNSET
    is_main: bool | Unset = attrs.field(default=UNSET, metadata={"wire": "isMain"})


class MessagingUseCaseUs(StrEnum):
    """``MessagingUseCaseUs`` values."""

    MARKETING = "MARKETING"
    ACCOUNT_NOTIFICATION = "ACCOUNT_NOTIFICATION"
    CUSTOMER_CARE = "CUSTOMER_CARE"
    FRAUD_ALERT = "FRAUD_ALERT"
    TWO_FA = "TWO_FA"
    DELIVERY_NOTIFICATION = "DELIVERY_NOTIFICATION"
    SECURITY_ALERT = "SECURITY_ALERT"
    M2M = "M2M"
    MIXED = "MIXED"
    HIGHER_EDUCATION = "HIGHER_EDUCATION"
    POLLING_VOTING = "POLLING_VOTING"
    PUBLIC_SERVICE_ANNOUNCEMENT = "PUBLIC_SERVICE_ANNOUNCEMENT"
    LOW_VOLUME = "LOW_VOLUME"


@attrs.frozen(kw_only=True)
class PaymentDetailsInput:
    """Request input ``PaymentDetailsInput``.

    Official SDK type: ``payment_details_param.PaymentDetailsParam``.
    """

    card_number: str = attrs.field(repr=False)
    cvc: str = attrs.field(repr=False)
    expiry: str = attrs.field(repr=False)
    zip_code: str = attrs.field(repr=False)


@attrs.frozen(kw_only=True)
class ProfileBillingContact:
    """Response data ``ProfileBillingContact``.

    Official SDK type: ``profile_detail.BillingContact``.
    """

    address: str | None = None
    email: str | None = None
    name: str | None = None
    phone: str | None = None


@attrs.frozen(kw_only=True)
class ProfileBrand:
    """Response data ``ProfileBrand``.

    Official SDK type: ``profile_detail.Brand``.
    """

    business: ProfileBrandBusiness | None = None
    compliance: ProfileBrandCompliance | None = None
    contact: ProfileBrandContact | None = None
    created_at: datetime.datetime | None = None
    csp_id: str | None = attrs.field(default=None, metadata={"deprecated": True})
    id: str | None = None
    identity_status: ProfileBrandIdentityStatus | str | None = None
    is_inherited: bool | None = None
    status: ProfileBrandStatus | str | None = None
    submitted_at: datetime.datetime | None = None
    submitted_to_tcr: bool | None = None
    tcr_brand_id: str | None = None
    universal_ein: str | None = None
    updated_at: datetime.datetime | None = None


@attrs.frozen(kw_only=True)
class ProfileBrandBusiness:
    """Response data ``ProfileBrandBusiness``.

    Official SDK type: ``profile_detail.BrandBusiness``.
    """

    city: str | None = None
    country: str | None = None
    country_of_registration: str | None = None
    entity_type: str | None = None
    legal_name: str | None = None
    postal_code: str | None = None
    state: str | None = None
    street: str | None = None
    tax_id: str | None = None
    tax_id_type: str | None = None
    url: str | None = None


@attrs.frozen(kw_only=True)
class ProfileBrandCompliance:
    """Response data ``ProfileBrandCompliance``.

    Official SDK type: ``profile_detail.BrandCompliance``.
    """

    brand_relationship: TcrBrandRelationship | str | None = None
    destination_countries: list[DestinationCountry] = attrs.field(factory=list)
    expected_messaging_volume: str | int | None = None
    is_tcr_application: bool | None = None
    notes: str | None = None
    phone_number_prefix: str | None = None
    primary_use_case: str | None = attrs.field(default=None, metadata={"deprecated": True})
    vertical: TcrVertical | str | None = None


@attrs.frozen(kw_only=True)
class ProfileBrandContact:
    """Response data ``ProfileBrandContact``.

    Official SDK type: ``profile_detail.BrandContact``.
    """

    business_name: str | None = None
    email: str | None = None
    name: str | None = None
    phone: str | None = None
    phone_country_code: str | None = None
    role: str | None = None


@attrs.frozen(kw_only=True)
class ProfileCompleteRequest:
    """Request input ``ProfileCompleteRequest``.

    Official SDK type: ``profile_complete_params.ProfileCompleteParams``.
    """

    web_hook_url: str = attrs.field(metadata={"wire": "webHookUrl"})
    sandbox: bool | Unset = UNSET


@attrs.frozen(kw_only=True)
class ProfileCompleteResult:
    """Response data ``ProfileCompleteResult``.

    Official SDK type: ``profile_complete_response.Data``.
    """

    message: str | None = None
    status: str | None = None


@attrs.frozen(kw_only=True)
class ProfileCreateRequest:
    """Request input ``ProfileCreateRequest``.

    Official SDK type: ``profile_create_params.ProfileCreateParams``.
    """

    allow_contact_sharing: bool | None | Unset = attrs.field(
        default=UNSET, metadata={"deprecated": True}
    )
    allow_template_sharing: bool | None | Unset = attrs.field(
        default=UNSET, metadata={"deprecated": True}
    )
    billing_contact: BillingContactInput | None | Unset = UNSET
    billing_model: str | None | Unset = UNSET
    brand: BrandInput | None | Unset = UNSET
    description: str | None | Unset = UNSET
    icon: str | None | Unset = UNSET
    inherit_contacts: bool | None | Unset = attrs.field(
        default=UNSET, metadata={"deprecated": True}
    )
    inherit_tcr_brand: bool | None | Unset = UNSET
    inherit_tcr_campaign: bool | None | Unset = UNSET
    inherit_templates: bool | None | Unset = attrs.field(
        default=UNSET, metadata={"deprecated": True}
    )
    name: str | Unset = UNSET
    payment_details: PaymentDetailsInput | None | Unset = UNSET
    sandbox: bool | Unset = UNSET
    short_name: str | None | Unset = UNSET
    whatsapp_business_account: WhatsappBusinessAccountInput | None | Unset = UNSET


@attrs.frozen(kw_only=True)
class ProfileDetail:
    """Response data ``ProfileDetail``.

    Official SDK type: ``profile_detail.ProfileDetail``.
    """

    allow_contact_sharing: bool | None = attrs.field(default=None, metadata={"deprecated": True})
    allow_number_change_during_onboarding: bool | None = None
    allow_template_sharing: bool | None = attrs.field(default=None, metadata={"deprecated": True})
    billing_contact: ProfileBillingContact | None = None
    billing_model: str | None = None
    brand: ProfileBrand | None = None
    created_at: datetime.datetime | None = None
    description: str | None = None
    email: str | None = None
    icon: str | None = None
    id: str | None = None
    inherit_contacts: bool | None = attrs.field(default=None, metadata={"deprecated": True})
    inherit_tcr_brand: bool | None = None
    inherit_tcr_campaign: bool | None = None
    inherit_templates: bool | None = attrs.field(default=None, metadata={"deprecated": True})
    name: str | None = None
    organization_id: str | None = None
    sending_phone_number: str | None = None
    sending_phone_number_profile_id: str | None = attrs.field(
        default=None, metadata={"deprecated": True}
    )
    sending_whatsapp_number_profile_id: str | None = attrs.field(
        default=None, metadata={"deprecated": True}
    )
    short_name: str | None = None
    status: str | None = None
    updated_at: datetime.datetime | None = None
    waba_id: str | None = None
    whatsapp_phone_number: str | None = None


@attrs.frozen(kw_only=True)
class ProfileList:
    """Response data ``ProfileList``.

    Official SDK type: ``profile_list_response.Data``.
    """

    pagination: PaginationMeta | None = None
    profiles: list[ProfileDetail] = attrs.field(factory=list)


@attrs.frozen(kw_only=True)
class ProfileUpdateRequest:
    """Request input ``ProfileUpdateRequest``.

    Official SDK type: ``profile_update_params.ProfileUpdateParams``.
    """

    allow_contact_sharing: bool | None | Unset = attrs.field(
        default=UNSET, metadata={"deprecated": True}
    )
    allow_number_change_during_onboarding: bool | None | Unset = UNSET
    allow_template_sharing: bool | None | Unset = attrs.field(
        default=UNSET, metadata={"deprecated": True}
    )
    billing_contact: BillingContactInput | None | Unset = UNSET
    billing_model: str | None | Unset = UNSET
    brand: BrandInput | None | Unset = UNSET
    description: str | None | Unset = UNSET
    icon: str | None | Unset = UNSET
    inherit_contacts: bool | None | Unset = attrs.field(
        default=UNSET, metadata={"deprecated": True}
    )
    inherit_tcr_brand: bool | None | Unset = UNSET
    inherit_tcr_campaign: bool | None | Unset = UNSET
    inherit_templates: bool | None | Unset = attrs.field(
        default=UNSET, metadata={"deprecated": True}
    )
    name: str | None | Unset = UNSET
    payment_details: PaymentDetailsInput | None | Unset = UNSET
    sandbox: bool | Unset = UNSET
    sending_phone_number: str | None | Unset = UNSET
    sending_phone_number_profile_id: str | None | Unset = attrs.field(
        default=UNSET, metadata={"deprecated": True}
    )
    sending_whatsapp_number_profile_id: str | None | Unset = attrs.field(
        default=UNSET, metadata={"deprecated": True}
    )
    short_name: str | None | Unset = UNSET
    whatsapp_phone_number: str | None | Unset = UNSET


class TcrBrandRelationship(StrEnum):
    """``TcrBrandRelationship`` values."""

    BASIC_ACCOUNT = "BASIC_ACCOUNT"
    MEDIUM_ACCOUNT = "MEDIUM_ACCOUNT"
    LARGE_ACCOUNT = "LARGE_ACCOUNT"
    SMALL_ACCOUNT = "SMALL_ACCOUNT"
    KEY_ACCOUNT = "KEY_ACCOUNT"


class TcrVertical(StrEnum):
    """``TcrVertical`` values."""

    PROFESSIONAL = "PROFESSIONAL"
    REAL_ESTATE = "REAL_ESTATE"
    HEALTHCARE = "HEALTHCARE"
    HUMAN_RESOURCES = "HUMAN_RESOURCES"
    ENERGY = "ENERGY"
    ENTERTAINMENT = "ENTERTAINMENT"
    RETAIL = "RETAIL"
    TRANSPORTATION = "TRANSPORTATION"
    AGRICULTURE = "AGRICULTURE"
    INSURANCE = "INSURANCE"
    POSTAL = "POSTAL"
    EDUCATION = "EDUCATION"
    HOSPITALITY = "HOSPITALITY"
    FINANCIAL = "FINANCIAL"
    POLITICAL = "POLITICAL"
    GAMBLING = "GAMBLING"
    LEGAL = "LEGAL"
    CONSTRUCTION = "CONSTRUCTION"
    NGO = "NGO"
    MANUFACTURING = "MANUFACTURING"
    GOVERNMENT = "GOVERNMENT"
    TECHNOLOGY = "TECHNOLOGY"
    COMMUNICATION = "COMMUNICATION"


@attrs.frozen(kw_only=True)
class WhatsappBusinessAccountInput:
    """Request input ``WhatsappBusinessAccountInput``.

    Official SDK type: ``profile_create_params.WhatsappBusinessAccount``.
    """

    access_token: str = attrs.field(repr=False)
    waba_id: str
    phone_number_id: str | None | Unset = UNSET


class BrandBusinessInputEntityType(StrEnum):
    """``BrandBusinessInputEntityType`` values."""

    PRIVATE_PROFIT = "PRIVATE_PROFIT"
    PUBLIC_PROFIT = "PUBLIC_PROFIT"
    NON_PROFIT = "NON_PROFIT"
    SOLE_PROPRIETOR = "SOLE_PROPRIETOR"
    GOVERNMENT = "GOVERNMENT"


class BrandCampaignStatus(StrEnum):
    """``BrandCampaignStatus`` values."""

    SENT_CREATED = "SENT_CREATED"
    ACTIVE = "ACTIVE"
    EXPIRED = "EXPIRED"


class ProfileBrandIdentityStatus(StrEnum):
    """``ProfileBrandIdentityStatus`` values."""

    SELF_DECLARED = "SELF_DECLARED"
    UNVERIFIED = "UNVERIFIED"
    VERIFIED = "VERIFIED"
    VETTED_VERIFIED = "VETTED_VERIFIED"


class ProfileBrandStatus(StrEnum):
    """``ProfileBrandStatus`` values."""

    ACTIVE = "ACTIVE"
    INACTIVE = "INACTIVE"
    SUSPENDED = "SUSPENDED"


__all__ = [
    "BillingContactInput",
    "BrandBusinessInput",
    "BrandBusinessInputEntityType",
    "BrandCampaign",
    "BrandCampaignStatus",
    "BrandComplianceInput",
    "BrandContactInput",
    "BrandInput",
    "CampaignCreateRequest",
    "CampaignInput",
    "CampaignUpdateRequest",
    "CampaignUseCase",
    "CampaignUseCaseInput",
    "DestinationCountry",
    "DestinationCountryInput",
    "MessagingUseCaseUs",
    "PaymentDetailsInput",
    "ProfileBillingContact",
    "ProfileBrand",
    "ProfileBrandBusiness",
    "ProfileBrandCompliance",
    "ProfileBrandContact",
    "ProfileBrandIdentityStatus",
    "ProfileBrandStatus",
    "ProfileCompleteRequest",
    "ProfileCompleteResult",
    "ProfileCreateRequest",
    "ProfileDetail",
    "ProfileList",
    "ProfileUpdateRequest",
    "TcrBrandRelationship",
    "TcrVertical",
    "WhatsappBusinessAccountInput",
]
