# Generated from spec/sent-v3.openapi.json by scripts/gen_models.py; do not edit.
# Regenerate with `make sync`.
"""Models of the ``templates`` API family."""

from __future__ import annotations

import datetime

import attrs

from .._types import UNSET, Unset
from ._common import PaginationMeta


@attrs.frozen(kw_only=True)
class AuthenticationConfigInput:
    """Request input ``AuthenticationConfigInput``.

    Official SDK type: ``authentication_config_param.AuthenticationConfigParam``.
    """

    add_security_recommendation: bool | Unset = attrs.field(
        default=UNSET, metadata={"wire": "addSecurityRecommendation"}
    )
    code_expiration_minutes: int | None | Unset = attrs.field(
        default=UNSET, metadata={"wire": "codeExpirationMinutes"}
    )


@attrs.frozen(kw_only=True)
class Template:
    """Response data ``Template``.

    Official SDK type: ``template.Template``.
    """

    customer_id: str
    auto_reply_action: str | None = None
    category: str | None = None
    channels: list[str] = attrs.field(factory=list)
    created_at: datetime.datetime | None = None
    id: str | None = None
    is_published: bool | None = None
    language: str | None = None
    name: str | None = None
    status: str | None = None
    updated_at: datetime.datetime | None = None
    variables: list[str] = attrs.field(factory=list)


@attrs.frozen(kw_only=True)
class TemplateBodyContentInput:
    """Request input ``TemplateBodyContentInput``.

    Official SDK type: ``template_body_content_param.TemplateBodyContentParam``.
    """

    template: str
    type: str | None | Unset = UNSET
    variables: list[TemplateVariableInput] | None | Unset = UNSET


@attrs.frozen(kw_only=True)
class TemplateBodyInput:
    """Request input ``TemplateBodyInput``.

    Official SDK type: ``template_body_param.TemplateBodyParam``.
    """

    mms: TemplateMmsBodyInput | None | Unset = UNSET
    multi_channel: TemplateBodyContentInput | None | Unset = attrs.field(
        default=UNSET, metadata={"wire": "multiChannel"}
    )
    rcs: TemplateBodyContentInput | None | Unset = UNSET
    sms: TemplateBodyContentInput | None | Unset = UNSET
    whatsapp: TemplateBodyContentInput | None | Unset = UNSET


@attrs.frozen(kw_only=True)
class TemplateButtonInput:
    """Request input ``TemplateButtonInput``.

    Official SDK type: ``template_button_param.TemplateButtonParam``.
    """

    props: TemplateButtonPropsInput
    type: str
    id: int | Unset = UNSET


@attrs.frozen(kw_only=True)
class TemplateButtonPropsInput:
    """Request input ``TemplateButtonPropsInput``.

    Official SDK type: ``template_button_props_param.TemplateButtonPropsParam``.
    """

    active_for: int = attrs.field(metadata={"wire": "activeFor"})
    country_code: str = attrs.field(metadata={"wire": "countryCode"})
    offer_code: str = attrs.field(metadata={"wire": "offerCode"})
    phone_number: str = attrs.field(metadata={"wire": "phoneNumber"})
    quick_reply_type: str = attrs.field(metadata={"wire": "quickReplyType"})
    text: str
    url: str
    url_type: str = attrs.field(metadata={"wire": "urlType"})
    variables: list[TemplateVariableInput]
    autofill_text: str | None | Unset = attrs.field(
        default=UNSET, metadata={"wire": "autofillText"}
    )
    otp_type: str | None | Unset = attrs.field(default=UNSET, metadata={"wire": "otpType"})
    package_name: str | None | Unset = attrs.field(default=UNSET, metadata={"wire": "packageName"})
    signature_hash: str | None | Unset = attrs.field(
        default=UNSET, metadata={"wire": "signatureHash"}
    )


@attrs.frozen(kw_only=True)
class TemplateCreateRequest:
    """Request input ``TemplateCreateRequest``.

    Official SDK type: ``template_create_params.TemplateCreateParams``.
    """

    auto_create_for_sp: bool | Unset = UNSET
    category: str | None | Unset = UNSET
    creation_source: str | None | Unset = UNSET
    definition: TemplateDefinitionInput | Unset = UNSET
    language: str | None | Unset = UNSET
    sandbox: bool | Unset = UNSET
    submit_for_review: bool | Unset = UNSET


@attrs.frozen(kw_only=True)
class TemplateDefinitionInput:
    """Request input ``TemplateDefinitionInput``.

    Official SDK type: ``template_definition_param.TemplateDefinitionParam``.
    """

    body: TemplateBodyInput
    authentication_config: AuthenticationConfigInput | None | Unset = attrs.field(
        default=UNSET, metadata={"wire": "authenticationConfig"}
    )
    buttons: list[TemplateButtonInput] | None | Unset = UNSET
    definition_version: str | None | Unset = attrs.field(
        default=UNSET, metadata={"wire": "definitionVersion"}
    )
    footer: TemplateFooterInput | None | Unset = UNSET
    header: TemplateHeaderInput | None | Unset = UNSET


@attrs.frozen(kw_only=True)
class TemplateDeleteRequest:
    """Request input ``TemplateDeleteRequest``.

    Official SDK type: ``template_delete_params.TemplateDeleteParams``.
    """

    delete_from_meta: bool | None | Unset = UNSET
    sandbox: bool | Unset = UNSET


@attrs.frozen(kw_only=True)
class TemplateFooterInput:
    """Request input ``TemplateFooterInput``.

    Official SDK type: ``template_footer_param.TemplateFooterParam``.
    """

    template: str
    type: str | None | Unset = UNSET
    variables: list[TemplateVariableInput] | None | Unset = UNSET


@attrs.frozen(kw_only=True)
class TemplateHeaderInput:
    """Request input ``TemplateHeaderInput``.

    Official SDK type: ``template_header_param.TemplateHeaderParam``.
    """

    template: str
    example_url: str | None | Unset = UNSET
    location: TemplateHeaderLocationInput | None | Unset = UNSET
    static_resource: bool | Unset = UNSET
    type: str | None | Unset = UNSET
    variables: list[TemplateVariableInput] | None | Unset = UNSET


@attrs.frozen(kw_only=True)
class TemplateHeaderLocationInput:
    """Request input ``TemplateHeaderLocationInput``.

    Official SDK type: ``template_header_param.Location``.
    """

    address: str
    latitude: str
    longitude: str
    name: str


@attrs.frozen(kw_only=True)
class TemplateMmsBodyInput:
    """Request input ``TemplateMmsBodyInput``.

    Official SDK type: ``template_body_param.Mms``.
    """

    template: str
    media: list[TemplateMmsMediaInput] | None | Unset = UNSET
    subject: str | None | Unset = UNSET
    type: str | None | Unset = UNSET
    variables: list[TemplateVariableInput] | None | Unset = UNSET


@attrs.frozen(kw_only=True)
class TemplateMmsMediaInput:
    """Request input ``TemplateMmsMediaInput``.

    Official SDK type: ``template_body_param.MmsMedia``.
    """

    media_type: str | None | Unset = attrs.field(default=UNSET, metadata={"wire": "mediaType"})
    url: str | Unset = UNSET


@attrs.frozen(kw_only=True)
class TemplateUpdateRequest:
    """Request input ``TemplateUpdateRequest``.

    Official SDK type: ``template_update_params.TemplateUpdateParams``.
    """

    category: str | None | Unset = UNSET
    definition: TemplateDefinitionInput | None | Unset = UNSET
    language: str | None | Unset = UNSET
    name: str | None | Unset = UNSET
    sandbox: bool | Unset = UNSET
    submit_for_review: bool | Unset = UNSET


@attrs.frozen(kw_only=True)
class TemplateVariableInput:
    """Request input ``TemplateVariableInput``.

    Official SDK type: ``template_variable_param.TemplateVariableParam``.
    """

    name: str
    props: TemplateVariablePropsInput
    type: str
    id: int | Unset = UNSET


@attrs.frozen(kw_only=True)
class TemplateVariablePropsInput:
    """Request input ``TemplateVariablePropsInput``.

    Official SDK type: ``template_variable_param.Props``.
    """

    media_type: str = attrs.field(metadata={"wire": "mediaType"})
    sample: str
    url: str
    variable_type: str = attrs.field(metadata={"wire": "variableType"})
    alt: str | None | Unset = UNSET
    regex: str | None | Unset = UNSET
    short_url: str | None | Unset = attrs.field(default=UNSET, metadata={"wire": "shortUrl"})


@attrs.frozen(kw_only=True)
class TemplatesPage:
    """Response data ``TemplatesPage``.

    Official SDK type: ``pagination.TemplatesPageData[Template]``.
    """

    pagination: PaginationMeta | None = None
    templates: list[Template] = attrs.field(factory=list)


__all__ = [
    "AuthenticationConfigInput",
    "Template",
    "TemplateBodyContentInput",
    "TemplateBodyInput",
    "TemplateButtonInput",
    "TemplateButtonPropsInput",
    "TemplateCreateRequest",
    "TemplateDefinitionInput",
    "TemplateDeleteRequest",
    "TemplateFooterInput",
    "TemplateHeaderInput",
    "TemplateHeaderLocationInput",
    "TemplateMmsBodyInput",
    "TemplateMmsMediaInput",
    "TemplateUpdateRequest",
    "TemplateVariableInput",
    "TemplateVariablePropsInput",
    "TemplatesPage",
]
