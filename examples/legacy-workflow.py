__workflow__ = {
    "WFWorkflowClientRelease": "1.7.6",
    "WFWorkflowClientVersion": "484",
    "WFWorkflowIcon": {
        "WFWorkflowIconGlyphNumber": 59511,
        "WFWorkflowIconImageData": b'',
        "WFWorkflowIconStartColor": 463140863,
    },
    "WFWorkflowImportQuestions": [],
    "WFWorkflowInputContentItemClasses": ["WFStringContentItem"],
    "WFWorkflowTypes": ["NCWidget"],
}
__defaults__ = {
    "condition_codes": "strings",
    "start_mode": "implicit",
    "block_outputs": False,
    "variable_uuids": True,
}
input('''Your name?''')
Name = ...
f'''Hello {Name}!'''
if '''Bob''' in ...:
    is_workflow_actions_showresult(Text=f'''Welcome back, {Name}.''')
else:
    is_workflow_actions_getvariable(WFVariable=Name)
    is_workflow_actions_showresult()
for Repeat_Index, Repeat_Item in enumerate(..., start=1):
    Seen.append(...)
