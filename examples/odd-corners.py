__workflow__ = {
    "WFQuickActionSurfaces": [],
    "WFWorkflowClientVersion": "2038.0.2.4",
    "WFWorkflowHasOutputFallback": False,
    "WFWorkflowHasShortcutInputVariables": False,
    "WFWorkflowIcon": {"WFWorkflowIconGlyphNumber": 61440, "WFWorkflowIconStartColor": 4251333119},
    "WFWorkflowImportQuestions": [],
    "WFWorkflowInputContentItemClasses": ["WFStringContentItem"],
    "WFWorkflowMinimumClientVersion": 900,
    "WFWorkflowMinimumClientVersionString": "900",
    "WFWorkflowOutputContentItemClasses": [],
    "WFWorkflowTypes": [],
}
__actions__ = {
    "com_Christopher_Hannah_Text_Case_TextCaseIntent": "com.Christopher-Hannah.Text-Case.TextCaseIntent",
}
page_contents: 'Page Contents' = is_workflow_actions_downloadurl(
    **{'Show-WFURL': True},
    WFURL='''https://example.com/feed.json''',
)
formatted_text = com_Christopher_Hannah_Text_Case_TextCaseIntent(text=page_contents)
conditional = is_workflow_actions_conditional(
    WFControlFlowMode=0,
    GroupingIdentifier='''00000000-0000-4000-8000-000000000105''',
    WFCondition=100,
    WFInput=dict(Type='''Variable''', Variable=formatted_text),
)
is_workflow_actions_delay(WFDelayTime=1.5)
is_workflow_actions_conditional(
    WFControlFlowMode=2,
    GroupingIdentifier='''00000000-0000-4000-8000-000000000105''',
)
adjusted_date = is_workflow_actions_adjustdate(
    WFAdjustOperation='''Add''',
    WFDate=datetime.datetime(2023, 3, 8, 20, 26, 40),
    WFDuration=WFQuantityFieldValue(Magnitude=attachment(Minutes), Unit='''min'''),
)
is_workflow_actions_showresult(
    Text=f'''{format_date(value=adjusted_date, date_format="Short", iso_include_time=False)} and {is_workflow_actions_getclipboard()}''',
)
is_workflow_actions_setclipboard(
    WFInput=WFTextTokenAttachment(
        attachment(
            OutputName='''Gone''',
            OutputUUID='''00000000-0000-4000-8000-000000000099''',
            Type='''ActionOutput''',
        ),
    ),
    WFLocalOnly=True,
)
is_workflow_actions_file_createfolder(WFFilePath='''Reports''')
