__workflow__ = {
    "WFQuickActionSurfaces": [],
    "WFWorkflowClientVersion": "2038.0.2.4",
    "WFWorkflowHasOutputFallback": False,
    "WFWorkflowHasShortcutInputVariables": False,
    "WFWorkflowIcon": {"WFWorkflowIconGlyphNumber": 59511, "WFWorkflowIconStartColor": 4282601983},
    "WFWorkflowImportQuestions": [],
    "WFWorkflowInputContentItemClasses": ["WFStringContentItem", "WFURLContentItem"],
    "WFWorkflowMinimumClientVersion": 900,
    "WFWorkflowMinimumClientVersionString": "900",
    "WFWorkflowOutputContentItemClasses": [],
    "WFWorkflowTypes": [],
}
text = '''Hello from shortcutc! 🙂'''
is_workflow_actions_number(WFNumberActionNumber=3.0)
is_workflow_actions_showresult(Text=f'''{text}''')
