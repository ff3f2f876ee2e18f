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
__names__ = {"Stand_Name": "Stand Name"}
text = '''apples, pears, plums'''
split_text = is_workflow_actions_text_split(
    WFTextSeparator='''Custom''',
    WFTextCustomSeparator=''', ''',
    text=text,
)
match input(prompt='''What now?'''):
    case "Count them":
        count = is_workflow_actions_count(Input=split_text)
        is_workflow_actions_showresult(Text=f'''There are {count} fruits.''')
    case "List them":
        for Repeat_Index, Repeat_Item in enumerate(split_text, start=1):
            text_2 = f'''{Repeat_Index}. {Repeat_Item}'''
            Lines.append(text_2)
        is_workflow_actions_showresult(Text=f'''{Lines}''')
    case "Quit":
        is_workflow_actions_exit()
dictionary = {
    "name": '''fruit stand''',
    "open": True,
    "stock": 42,
    "tags": ['''fresh''', f'''local'''],
    "owner": {"first": '''Ann'''},
}
dictionary_value = dictionary['''name''']
if '''fruit''' in dictionary_value:
    is_workflow_actions_showresult(Text=f'''Open: {dictionary["open"]}''')
else:
    is_workflow_actions_showresult(Text='''Not a fruit stand.''')
_ = None
Stand_Name = dictionary_value
is_workflow_actions_comment(WFCommentActionText='''A comment action is an action, not a # line.''')
